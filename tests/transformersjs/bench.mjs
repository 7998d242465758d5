// Times transformers.js greedy generation on the same prompts and model file as the C# benchmark.
//   node tests/transformersjs/bench.mjs [--model models/responder] [--steps 32] [--repeat 5]
import path from 'node:path';
import fs from 'node:fs';
import { here, parseArgs, loadModel, greedy } from './common.mjs';

const args = parseArgs(process.argv.slice(2));
const name = path.basename(args.model);
const golden = JSON.parse(fs.readFileSync(path.join(here, 'expected', `${name}.json`), 'utf8'));
const steps = args.steps ?? golden.steps;
const { model } = await loadModel(args.model);

// Warm-up, then timed runs of exactly `steps` tokens per prompt (end-of-text suppressed, as in the C# benchmark).
for (const prompt of golden.prompts) await greedy(model, prompt.ids, steps, steps);
let tokens = 0;
const started = process.hrtime.bigint();
for (let r = 0; r < args.repeat; r++) {
  for (const prompt of golden.prompts) tokens += (await greedy(model, prompt.ids, steps, steps)).length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ model: name, prompts: golden.prompts.length, steps, repeat: args.repeat, tokens, seconds: +seconds.toFixed(3), tokensPerSecond: +(tokens / seconds).toFixed(1), msPerToken: +(seconds * 1000 / tokens).toFixed(3) }));
