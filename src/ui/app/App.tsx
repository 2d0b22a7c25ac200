// The lab page: the views of the machine on the left, the terminal on the
// right, the timeline along the bottom and the narration strip on top.

import { useEffect, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { ViewPanel } from './ViewPanel.tsx';
import { Narration } from './Narration.tsx';
import { usePrefs } from './prefs.ts';
import { MemoryView } from '../memory/MemoryView.tsx';
import { SequenceView } from '../sequence/SequenceView.tsx';
import { MachineView } from '../machine/MachineView.tsx';
import { LayersView } from '../layers/LayersView.tsx';
import { SocketsView } from '../sockets/SocketsView.tsx';
import { TerminalPane } from '../terminal/TerminalPane.tsx';
import { TimelineBar, useTimelineKeys } from '../timeline/TimelineBar.tsx';
import { usePlayer } from '../timeline/usePlayer.ts';
import './app.css';

const LOWER_VIEWS = [
  { id: 'sockets', title: 'Sockets', figure: 'Figs. 7, 10', View: SocketsView },
  { id: 'layers', title: 'Layers', figure: 'Fig. 3', View: LayersView },
  { id: 'machine', title: 'Machine', figure: 'Figs. 1-2', View: MachineView },
] as const;

function LowerViews() {
  const [chosen, setChosen] = useState<(typeof LOWER_VIEWS)[number]['id']>('sockets');
  const current = LOWER_VIEWS.find((v) => v.id === chosen)!;
  const tabs = (
    <div role="tablist" aria-label="choose a view" className="tabs">
      {LOWER_VIEWS.map((v) => (
        <button key={v.id} type="button" role="tab" id={`tab-${v.id}`} aria-selected={v.id === chosen} aria-controls={`${v.id}-panel`} onClick={() => setChosen(v.id)}>
          {v.title}
        </button>
      ))}
    </div>
  );
  return (
    <div id={`${current.id}-panel`} role="tabpanel" aria-labelledby={`tab-${current.id}`} className="tab-panel">
      <ViewPanel id={current.id} title={current.title} figure={current.figure} tools={tabs}>
        <current.View />
      </ViewPanel>
    </div>
  );
}

export function App() {
  const theme = usePrefs((p) => p.theme);
  const toggleTheme = usePrefs((p) => p.toggleTheme);
  usePlayer();
  useTimelineKeys();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="lab">
      <header className="lab-head">
        <h1>lparlab</h1>
        <Narration />
        <button type="button" className="theme" onClick={toggleTheme} aria-label={`switch to the ${theme === 'light' ? 'dark' : 'light'} theme`}>
          {theme === 'light' ? 'Dark' : 'Light'} theme
        </button>
      </header>
      <main className="lab-main">
        <Group orientation="horizontal" className="panes">
          <Panel defaultSize="68" minSize="40">
            <Group orientation="vertical">
              <Panel defaultSize="62" minSize="25">
                <Group orientation="horizontal">
                  <Panel defaultSize="55" minSize="25">
                    <ViewPanel id="memory" title="Memory" figure="Figs. 4-5">
                      <MemoryView />
                    </ViewPanel>
                  </Panel>
                  <Separator className="separator vertical" />
                  <Panel defaultSize="45" minSize="20">
                    <ViewPanel id="sequence" title="Sequence" figure="Figs. 6, 8, 11">
                      <SequenceView />
                    </ViewPanel>
                  </Panel>
                </Group>
              </Panel>
              <Separator className="separator horizontal" />
              <Panel defaultSize="38" minSize="15">
                <LowerViews />
              </Panel>
            </Group>
          </Panel>
          <Separator className="separator vertical" />
          <Panel defaultSize="32" minSize="20">
            <section className="view terminal-view" aria-labelledby="terminal-title">
              <header className="view-head">
                <h2 id="terminal-title">Terminal</h2>
              </header>
              <TerminalPane />
            </section>
          </Panel>
        </Group>
      </main>
      <footer className="lab-foot">
        <TimelineBar />
      </footer>
    </div>
  );
}
