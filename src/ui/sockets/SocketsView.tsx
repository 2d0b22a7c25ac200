// The Sockets view (Figs. 7, 10): the system control program on top, with
// its process state (running, or suspended in accept / read / select); under
// it the kernel of the system control OS with its connection sockets (525),
// its file descriptor table, the virtual files under /msg (524, Fig. 7) and
// the areas mapped straight into the program (Fig. 10); and at the bottom the
// message channels (512) the control OS keeps, each from a communication
// socket (526) down to its guest, with the messages waiting at the port.

import { useMemo } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { hex, SCP_PID } from '../../engine/index.ts';
import { socketsView, STANDARD_STREAMS } from '../../engine/index.ts';
import type { ChannelRow, ConnectionRequest, FdRow, MappingRow, PeerRef, SocketRow, SocketsModel, VirtualFileRow } from '../../engine/index.ts';
import { useDisplayState } from '../store/labStore.ts';
import { partitionColour } from '../app/palette.ts';
import { useReducedMotion } from '../app/motion.ts';
import { useMomentBefore } from '../machine/useMomentBefore.ts';
import './sockets.css';

const MODE = { vfile: 'virtual file', map: 'direct map' } as const;
const MODE_FIG = { vfile: 'Fig. 7', map: 'Fig. 10' } as const;

const size = (n: number) => `${n.toLocaleString('en')} B`;

/** Keys of what the current step made or changed, to mark them. */
function freshKeys(now: SocketsModel, before: SocketsModel | null): Set<string> {
  const fresh = new Set<string>();
  if (!before) return fresh;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (now.program.text !== before.program.text) fresh.add('program');
  for (const s of now.sockets) if (!same(s, before.sockets.find((x) => x.fd === s.fd))) fresh.add(`socket:${s.fd}`);
  for (const f of now.fds) if (!same(f, before.fds.find((x) => x.fd === f.fd))) fresh.add(`fd:${f.fd}`);
  for (const f of now.files) if (!same(f, before.files.find((x) => x.path === f.path))) fresh.add(`file:${f.path}`);
  for (const m of now.mappings) if (!same(m, before.mappings.find((x) => x.page === m.page))) fresh.add(`map:${m.page}`);
  for (const c of now.channels) if (!same(c, before.channels.find((x) => x.fd === c.fd))) fresh.add(`chan:${c.fd}`);
  return fresh;
}

export function SocketsView() {
  const state = useDisplayState();
  const before = useMomentBefore('step');
  const reduced = useReducedMotion();
  const model = useMemo(() => socketsView(state), [state]);
  const previous = useMemo(() => (before ? socketsView(before) : null), [before]);
  const fresh = useMemo(() => freshKeys(model, previous), [model, previous]);
  const mark = (key: string) => (fresh.has(key) ? ' fresh' : '');

  return (
    <div className={`sockets-view${reduced ? ' reduced' : ''}`} role="region" aria-label="Sockets: the system control program and its kernel" tabIndex={0}>
      <div className="sv-layout">
        <Program model={model} fresh={fresh.has('program')} />
        <div className="sv-link" aria-hidden="true">
          <span>system calls ↓</span>
          <span>↑ results</span>
        </div>
        <section className="sv-kernel" aria-labelledby="sv-kernel-title">
          <h3 id="sv-kernel-title" className="sv-title">
            Kernel of the system control OS <span className="sv-ref">521</span>
          </h3>
          <div className="sv-kgrid">
            <Sockets sockets={model.sockets} mark={mark} />
            <Fds fds={model.fds} watched={model.program.fds} mark={mark} />
            <div className="sv-data">
              <Files files={model.files} mark={mark} />
              <Mappings mappings={model.mappings} mark={mark} />
            </div>
          </div>
        </section>
        <Channels channels={model.channels} requests={[...model.sockets.flatMap((s) => s.waiting), ...model.unclaimed]} mark={mark} />
      </div>
    </div>
  );
}

function Program({ model, fresh }: { model: SocketsModel; fresh: boolean }) {
  const { program } = model;
  return (
    <section
      className={`sv-program ${program.state}${fresh ? ' fresh' : ''}`}
      aria-labelledby="sv-program-title"
      style={{ '--c': partitionColour(SCP_PID) } as CSSProperties}
    >
      <h3 id="sv-program-title" className="sv-title">
        System control program <span className="sv-ref">307</span>
      </h3>
      <span className="sv-where">
        {program.name} · partition 1 · problem mode
      </span>
      <p className={`sv-state ${program.state}`} data-testid="scp-state">
        {program.wait ? (
          <>
            <span className="sv-dot" aria-hidden="true" />
            suspended in <b className="sv-call">{program.wait.text}</b>
            <span className="sv-until"> until {program.wait.until}</span>
          </>
        ) : (
          <>
            <span className="sv-dot" aria-hidden="true" />
            running
          </>
        )}
      </p>
    </section>
  );
}

function Guest({ peer }: { peer: PeerRef }) {
  return (
    <span className={`sv-guest ${peer.status}`} style={{ '--c': partitionColour(peer.pid) } as CSSProperties}>
      {peer.name}
      {peer.status === 'ended' ? <span className="sv-ended"> (ended)</span> : null}
    </span>
  );
}

function Box({ id, title, refText, children, className }: { id: string; title: ReactNode; refText: string; children: ReactNode; className: string }) {
  return (
    <section className={`sv-box ${className}`} aria-labelledby={id}>
      <h4 id={id}>
        {title} <span className="sv-ref">{refText}</span>
      </h4>
      {children}
    </section>
  );
}

function Sockets({ sockets, mark }: { sockets: readonly SocketRow[]; mark: (key: string) => string }) {
  return (
    <Box id="sv-sockets-title" title="Connection sockets" refText="525" className="sv-sockets">
      {sockets.length === 0 ? (
        <p className="sv-empty">
          none yet: <code>s = socket(AF_LPAR, SOCK_SEQPACKET)</code>, <code>bind(s, 7)</code>, <code>listen(s)</code>
        </p>
      ) : (
        <table className="sv-table">
          <thead className="sv-sr">
            <tr>
              <th scope="col">fd</th>
              <th scope="col">mode, service, permission and waiting requests</th>
            </tr>
          </thead>
          <tbody>
            {sockets.map((s) => (
              <tr key={s.fd} data-socket={s.fd} className={`${s.accepting ? 'accepting' : ''}${mark(`socket:${s.fd}`)}`}>
                <td className="sv-fd">{s.fd}</td>
                <td className="sv-perm">
                  <span className={`sv-mode ${s.mode}`} title={`${MODE_FIG[s.mode]}`}>
                    {MODE[s.mode]}
                  </span>
                  {s.service === null ? <span className="sv-muted">unbound</span> : <span className="sv-svc">service {s.service}</span>}
                  {s.listening ? <span className="sv-tag listen">listening</span> : <span className="sv-muted">not listening</span>}
                  {s.accepting && <span className="sv-tag accept">in accept</span>}
                  {s.denied.length > 0 && (
                    <span className="sv-denied">
                      denies{' '}
                      {s.denied.map((d) => (
                        <Guest key={d.pid} peer={d} />
                      ))}
                    </span>
                  )}
                  {s.waiting.length > 0 && (
                    <span className="sv-backlog">
                      waiting:{' '}
                      {s.waiting.map((w) => (
                        <Guest key={w.sig} peer={w.from} />
                      ))}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Box>
  );
}

function fdText(f: FdRow): ReactNode {
  switch (f.kind) {
    case 'socket':
      return (
        <>
          connection socket{f.service !== null ? <span className="sv-muted"> · {f.service}</span> : ''}
        </>
      );
    case 'comm':
      return (
        <>
          <abbr title="communication socket (526)">comm. socket</abbr> ↔ <Guest peer={f.peer} />
          {f.queued > 0 && <span className="sv-tag ready">{f.queued} waiting</span>}
          {f.peerClosed && <span className="sv-tag closed">peer closed</span>}
        </>
      );
    case 'file':
      return (
        <>
          file <code>{f.path}</code> <span className="sv-muted">at offset {f.offset}</span>
        </>
      );
    default: {
      const never: never = f;
      return never;
    }
  }
}

function Fds({ fds, watched, mark }: { fds: readonly FdRow[]; watched: readonly number[]; mark: (key: string) => string }) {
  return (
    <Box id="sv-fds-title" title="fd table" refText="fd_table [0091]" className="sv-fds">
      <table className="sv-table">
        <thead className="sv-sr">
          <tr>
            <th scope="col">fd</th>
            <th scope="col">what it is</th>
          </tr>
        </thead>
        <tbody>
          <tr data-fd="0-2" className="sv-std">
            <td className="sv-fd">0-2</td>
            <td className="sv-muted">{STANDARD_STREAMS.join(', ')}</td>
          </tr>
          {fds.map((f) => (
            <tr key={f.fd} data-fd={f.fd} className={`${f.kind}${watched.includes(f.fd) ? ' watched' : ''}${mark(`fd:${f.fd}`)}`}>
              <td className="sv-fd">{f.fd}</td>
              <td>
                {fdText(f)}
                {watched.includes(f.fd) && <span className="sv-sr"> (the program waits on it)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

function Files({ files, mark }: { files: readonly VirtualFileRow[]; mark: (key: string) => string }) {
  return (
    <Box id="sv-files-title" title={<code>/msg</code>} refText="virtual files 524" className="sv-files">
      {files.length === 0 ? (
        <p className="sv-empty">empty: read(fd) on a virtual-file socket makes one</p>
      ) : (
        <ul className="sv-list">
          {files.map((f) => (
            <li key={f.path} data-vfile={f.path} className={mark(`file:${f.path}`).trim()}>
              <code className="sv-path">{f.path}</code> <span className="sv-muted">{size(f.size)} from</span> <Guest peer={f.peer} />
              <div className="sv-detail">
                {f.short && (
                  <span title="the short message that came with it">
                    short <q>{f.short}</q>
                  </span>
                )}
                {f.preview && (
                  <span className="sv-preview" title="its first bytes">
                    holds <q>{f.preview}</q>
                  </span>
                )}
                {f.openAs.length > 0 && <span className="sv-tag open">open as fd {f.openAs.join(', ')}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

function Mappings({ mappings, mark }: { mappings: readonly MappingRow[]; mark: (key: string) => string }) {
  return (
    <Box id="sv-maps-title" title="Mapped areas" refText="Fig. 10" className="sv-maps">
      {mappings.length === 0 ? (
        <p className="sv-empty">nothing: read(fd) on a direct-map socket maps the area here</p>
      ) : (
        <ul className="sv-list">
          {mappings.map((m) => (
            <li key={m.page} data-mapping={hex(m.addr)} className={mark(`map:${m.page}`).trim()}>
              <code className="sv-path">{hex(m.addr)}</code> <span className="sv-muted">{size(m.size)}</span>
              <span className="sv-frames"> frame{m.frames.length === 1 ? '' : 's'} {m.frames.join(', ')}</span>
              {m.kind === 'shared' && <span className="sv-tag">shared</span>}
              {m.preview && (
                <div className="sv-detail">
                  <span className="sv-preview">
                    holds <q>{m.preview}</q>
                  </span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

function Channels({ channels, requests, mark }: { channels: readonly ChannelRow[]; requests: readonly ConnectionRequest[]; mark: (key: string) => string }) {
  return (
    <section className="sv-channels" aria-labelledby="sv-channels-title">
      <h3 id="sv-channels-title" className="sv-title">
        Channels to guests <span className="sv-ref">512</span>
      </h3>
      {channels.length === 0 && requests.length === 0 ? (
        <p className="sv-empty">
          none yet: a guest asks with <code>@A ch = connect(7)</code>, the program takes it with <code>fd = accept(s)</code>
        </p>
      ) : (
        <ul className="sv-chanlist">
          {channels.map((c) => (
            <li
              key={c.fd}
              data-channel-fd={c.fd}
              className={`sv-chan${c.peerClosed ? ' closed' : ''}${c.watched ? ' watched' : ''}${mark(`chan:${c.fd}`)}`}
              style={{ '--c': partitionColour(c.guest.pid) } as CSSProperties}
            >
              <span className="sv-chan-line">
                <span className="sv-chan-fd">fd {c.fd}</span>
                <span className="sv-wire" aria-hidden="true" />
                <span className="sv-chan-id">channel {c.chan}</span>
                <span className="sv-wire" aria-hidden="true" />
                <Guest peer={c.guest} />
                {c.guestQueued > 0 && <span className="sv-tag ready">{c.guestQueued} for {c.guest.name}</span>}
                {c.guestWaiting && <span className="sv-tag accept">{c.guest.name} in recv</span>}
              </span>
              <span className="sv-port" title="the program's message port of this channel: arrived messages wait here until read [0064]">
                <span className="sv-muted">port {c.port}:</span>
                {c.queue.length > 0 ? (
                  c.queue.map((m) => (
                    <span key={m.area} className="sv-msg" title={`${size(m.size)} message area ${m.area}`}>
                      {m.short ? <q>{m.short}</q> : size(m.size)}
                    </span>
                  ))
                ) : (
                  <span className="sv-muted">no message waiting</span>
                )}
                {c.peerClosed && <span className="sv-tag closed">{c.guest.name} closed its end</span>}
              </span>
            </li>
          ))}
          {requests.map((r) => (
            <li key={`req-${r.sig}`} className="sv-chan request" style={{ '--c': partitionColour(r.from.pid) } as CSSProperties}>
              <Guest peer={r.from} />
              <span>
                asks for service {r.service} <span className="sv-muted">(held until accept)</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
