#!/usr/bin/env node
// Runs src/cli/lparsh.ts through tsx, so the command needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/lparsh.ts');
