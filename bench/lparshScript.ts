// Writes a long lparsh script to standard output, for measuring how lparsh
// scales with script length:
//
//   npx tsx bench/lparshScript.ts 100000 > /tmp/100k.lab
//   /usr/bin/time -v node bin/lparsh.mjs /tmp/100k.lab > /dev/null
//
// Each round of 20 lines mixes what a long class session types: machine calls
// that are recorded on the timeline (area, poke, send, recv, free), names,
// expressions, records, a people command, comments, a syntax error and a
// refused call. The rounds repeat, so the machine neither fills up nor dies.

const count = Number(process.argv[2] ?? 100000);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npx tsx bench/lparshScript.ts LINES\n');
  process.exit(2);
}

const setup = ['# a long session', '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
const round = (i: number) => [
  `# round ${i}`,
  '@A a = area(4096)',
  `@A poke(a, "hello ${i}")`,
  '@A peek(a, 5)',
  `@A send(ch, a, "m${i}")`,
  '@B r = recv(chb)',
  '@B peek(r.addr, 5)',
  '@B r.short',
  '@B free(r.addr)',
  `n = ${i}`,
  'l = [n, "s", [1, 2]]',
  'frames_free()',
  'frames_of(A)',
  'bogus(1)',
  'x = (',
  'tick(1)',
  'ps',
  'compare(65536)',
  '@A peek(a, 5)',
  'l',
];

const out = [...setup];
for (let i = 0; out.length < count; i++) out.push(...round(i));
process.stdout.write(`${out.slice(0, count).join('\n')}\n`);
