#!/usr/bin/env node
// `bootlab` as an installed/linked command: runs src/cli/main.ts through tsx's loader,
// in this same process, so there is no build step between editing the source and running it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
