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
import { useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';
import { waitUntil } from '../app/engineWords.ts';
import './sockets.css';

const MODE = { vfile: 'sockets.mode.vfile', map: 'sockets.mode.map' } as const;
const MODE_FIG = { vfile: 'sockets.fig.vfile', map: 'sockets.fig.map' } as const;

// The command language and the patent's names for the kernel's tables read the same in every language.
const FD = 'fd';
const FD_TABLE_REF = 'fd_table [0091]';
/** Where the virtual files appear (524, Fig. 7): a path, the same in every language. */
const MSG_DIR = '/msg';
const fdLabel = (fd: number) => `${FD} ${fd}`;
const SETUP_LINES = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)'] as const;
const CONNECT_LINE = '@A ch = connect(7)';
const ACCEPT_LINE = 'fd = accept(s)';

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
  const t = useT();
  const state = useDisplayState();
  const before = useMomentBefore('step');
  const reduced = useReducedMotion();
  const model = useMemo(() => socketsView(state), [state]);
  const previous = useMemo(() => (before ? socketsView(before) : null), [before]);
  const fresh = useMemo(() => freshKeys(model, previous), [model, previous]);
  const mark = (key: string) => (fresh.has(key) ? ' fresh' : '');

  return (
    <div className={`sockets-view${reduced ? ' reduced' : ''}`} role="region" aria-label={t('sockets.label')} tabIndex={0}>
      <div className="sv-layout">
        <Program model={model} fresh={fresh.has('program')} />
        <div className="sv-link" aria-hidden="true">
          <span>{t('sockets.calls')}</span>
          <span>{t('sockets.results')}</span>
        </div>
        <section className="sv-kernel" aria-labelledby="sv-kernel-title">
          <h3 id="sv-kernel-title" className="sv-title">
            {t('sockets.kernel')} <span className="sv-ref">521</span>
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
  const t = useT();
  const { program } = model;
  return (
    <section
      className={`sv-program ${program.state}${fresh ? ' fresh' : ''}`}
      aria-labelledby="sv-program-title"
      style={{ '--c': partitionColour(SCP_PID) } as CSSProperties}
    >
      <h3 id="sv-program-title" className="sv-title">
        {t('sockets.program')} <span className="sv-ref">307</span>
      </h3>
      <span className="sv-where">
        {t('sockets.where', { name: program.name })}
      </span>
      <p className={`sv-state ${program.state}`} data-testid="scp-state">
        {program.wait ? (
          <>
            <span className="sv-dot" aria-hidden="true" />
            {fillSlots(t('sockets.suspended', { call: slot(0) }), [<b key="call" className="sv-call">{program.wait.text}</b>])}
            <span className="sv-until">{t('sockets.until', { until: waitUntil(t, program.wait) })}</span>
          </>
        ) : (
          <>
            <span className="sv-dot" aria-hidden="true" />
            {t('sockets.running')}
          </>
        )}
      </p>
    </section>
  );
}

function Guest({ peer }: { peer: PeerRef }) {
  const t = useT();
  return (
    <span className={`sv-guest ${peer.status}`} style={{ '--c': partitionColour(peer.pid) } as CSSProperties}>
      {peer.name}
      {peer.status === 'ended' ? <span className="sv-ended">{t('sockets.ended')}</span> : null}
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
  const t = useT();
  return (
    <Box id="sv-sockets-title" title={t('sockets.sockets')} refText="525" className="sv-sockets">
      {sockets.length === 0 ? (
        <p className="sv-empty">
          {fillSlots(t('sockets.sockets.empty', { socket: slot(0), bind: slot(1), listen: slot(2) }), SETUP_LINES.map((line) => <code key={line}>{line}</code>))}
        </p>
      ) : (
        <table className="sv-table">
          <thead className="sv-sr">
            <tr>
              <th scope="col">{FD}</th>
              <th scope="col">{t('sockets.col.socket')}</th>
            </tr>
          </thead>
          <tbody>
            {sockets.map((s) => (
              <tr key={s.fd} data-socket={s.fd} className={`${s.accepting ? 'accepting' : ''}${mark(`socket:${s.fd}`)}`}>
                <td className="sv-fd">{s.fd}</td>
                <td className="sv-perm">
                  <span className={`sv-mode ${s.mode}`} title={t(MODE_FIG[s.mode])}>
                    {t(MODE[s.mode])}
                  </span>
                  {s.service === null ? <span className="sv-muted">{t('sockets.unbound')}</span> : <span className="sv-svc">{t('sockets.service', { service: String(s.service) })}</span>}
                  {s.listening ? <span className="sv-tag listen">{t('sockets.listening')}</span> : <span className="sv-muted">{t('sockets.notListening')}</span>}
                  {s.accepting && <span className="sv-tag accept">{t('sockets.inAccept')}</span>}
                  {s.denied.length > 0 && (
                    <span className="sv-denied">
                      {t('sockets.denies')}{' '}
                      {s.denied.map((d) => (
                        <Guest key={d.pid} peer={d} />
                      ))}
                    </span>
                  )}
                  {s.waiting.length > 0 && (
                    <span className="sv-backlog">
                      {t('sockets.waiting')}{' '}
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

function FdText({ f }: { f: FdRow }): ReactNode {
  const t = useT();
  switch (f.kind) {
    case 'socket':
      return (
        <>
          {t('sockets.fd.socket')}{f.service !== null ? <span className="sv-muted"> · {f.service}</span> : ''}
        </>
      );
    case 'comm':
      return (
        <>
          <abbr title={t('sockets.fd.comm.title')}>{t('sockets.fd.comm')}</abbr> ↔ <Guest peer={f.peer} />
          {f.queued > 0 && <span className="sv-tag ready">{t('sockets.fd.queued', { count: String(f.queued) })}</span>}
          {f.peerClosed && <span className="sv-tag closed">{t('sockets.fd.peerClosed')}</span>}
        </>
      );
    case 'file':
      return (
        <>
          {t('sockets.fd.file')} <code>{f.path}</code> <span className="sv-muted">{t('sockets.fd.offset', { offset: String(f.offset) })}</span>
        </>
      );
    default: {
      const never: never = f;
      return never;
    }
  }
}

function Fds({ fds, watched, mark }: { fds: readonly FdRow[]; watched: readonly number[]; mark: (key: string) => string }) {
  const t = useT();
  return (
    <Box id="sv-fds-title" title={t('sockets.fds')} refText={FD_TABLE_REF} className="sv-fds">
      <table className="sv-table">
        <thead className="sv-sr">
          <tr>
            <th scope="col">{FD}</th>
            <th scope="col">{t('sockets.col.what')}</th>
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
                <FdText f={f} />
                {watched.includes(f.fd) && <span className="sv-sr">{t('sockets.fds.watched')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

function Files({ files, mark }: { files: readonly VirtualFileRow[]; mark: (key: string) => string }) {
  const t = useT();
  return (
    <Box id="sv-files-title" title={<code>{MSG_DIR}</code>} refText={t('sockets.files.ref')} className="sv-files">
      {files.length === 0 ? (
        <p className="sv-empty">{t('sockets.files.empty')}</p>
      ) : (
        <ul className="sv-list">
          {files.map((f) => (
            <li key={f.path} data-vfile={f.path} className={mark(`file:${f.path}`).trim()}>
              <code className="sv-path">{f.path}</code> <span className="sv-muted">{t('sockets.file.from', { size: size(f.size) })}</span> <Guest peer={f.peer} />
              <div className="sv-detail">
                {f.short && (
                  <span title={t('sockets.short.title')}>
                    {fillSlots(t('sockets.short', { short: slot(0) }), [<q key="short">{f.short}</q>])}
                  </span>
                )}
                {f.preview && (
                  <span className="sv-preview" title={t('sockets.preview.title')}>
                    {fillSlots(t('sockets.holds', { preview: slot(0) }), [<q key="preview">{f.preview}</q>])}
                  </span>
                )}
                {f.openAs.length > 0 && <span className="sv-tag open">{t('sockets.openAs', { fds: f.openAs.join(', ') })}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

function Mappings({ mappings, mark }: { mappings: readonly MappingRow[]; mark: (key: string) => string }) {
  const t = useT();
  return (
    <Box id="sv-maps-title" title={t('sockets.maps')} refText={t('sockets.fig.map')} className="sv-maps">
      {mappings.length === 0 ? (
        <p className="sv-empty">{t('sockets.maps.empty')}</p>
      ) : (
        <ul className="sv-list">
          {mappings.map((m) => (
            <li key={m.page} data-mapping={hex(m.addr)} className={mark(`map:${m.page}`).trim()}>
              <code className="sv-path">{hex(m.addr)}</code> <span className="sv-muted">{size(m.size)}</span>
              <span className="sv-frames">{t('sockets.frames', { count: m.frames.length, frames: m.frames.join(', ') })}</span>
              {m.kind === 'shared' && <span className="sv-tag">{t('sockets.shared')}</span>}
              {m.preview && (
                <div className="sv-detail">
                  <span className="sv-preview">
                    {fillSlots(t('sockets.holds', { preview: slot(0) }), [<q key="preview">{m.preview}</q>])}
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
  const t = useT();
  return (
    <section className="sv-channels" aria-labelledby="sv-channels-title">
      <h3 id="sv-channels-title" className="sv-title">
        {t('sockets.channels')} <span className="sv-ref">512</span>
      </h3>
      {channels.length === 0 && requests.length === 0 ? (
        <p className="sv-empty">
          {fillSlots(t('sockets.channels.empty', { connect: slot(0), accept: slot(1) }), [<code key="connect">{CONNECT_LINE}</code>, <code key="accept">{ACCEPT_LINE}</code>])}
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
                <span className="sv-chan-fd">{fdLabel(c.fd)}</span>
                <span className="sv-wire" aria-hidden="true" />
                <span className="sv-chan-id">{t('sockets.chan.id', { chan: String(c.chan) })}</span>
                <span className="sv-wire" aria-hidden="true" />
                <Guest peer={c.guest} />
                {c.guestQueued > 0 && <span className="sv-tag ready">{t('sockets.chan.queued', { count: String(c.guestQueued), name: c.guest.name })}</span>}
                {c.guestWaiting && <span className="sv-tag accept">{t('sockets.chan.recv', { name: c.guest.name })}</span>}
              </span>
              <span className="sv-port" title={t('sockets.port.title')}>
                <span className="sv-muted">{t('sockets.port', { port: String(c.port) })}</span>
                {c.queue.length > 0 ? (
                  c.queue.map((m) => (
                    <span key={m.area} className="sv-msg" title={t('sockets.msg.title', { size: size(m.size), area: String(m.area) })}>
                      {m.short ? <q>{m.short}</q> : size(m.size)}
                    </span>
                  ))
                ) : (
                  <span className="sv-muted">{t('sockets.noMessage')}</span>
                )}
                {c.peerClosed && <span className="sv-tag closed">{t('sockets.closed', { name: c.guest.name })}</span>}
              </span>
            </li>
          ))}
          {requests.map((r) => (
            <li key={`req-${r.sig}`} className="sv-chan request" style={{ '--c': partitionColour(r.from.pid) } as CSSProperties}>
              <Guest peer={r.from} />
              <span>
                {t('sockets.asks', { service: String(r.service) })} <span className="sv-muted">{t('sockets.held')}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
