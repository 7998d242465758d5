// Shared by check.mjs and bench.mjs: load a model folder with transformers.js (offline) and
// run greedy generation from token ids, exactly as the C# generator is fed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, AutoModelForCausalLM, Tensor } from '@huggingface/transformers';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

export function parseArgs(argv) {
  const args = { model: 'models/responder', steps: null, repeat: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    args[key] = key === 'steps' || key === 'repeat' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return args;
}

// Never reach a hub: everything comes from the repository's own folders.
export async function loadModel(modelDir) {
  const absolute = path.resolve(repoRoot, modelDir);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.dirname(absolute) + path.sep;
  // Same thread budget as the C# benchmark (NLU_BENCH_THREADS, default 2 = Nlu:IntraOpThreads).
  const threads = Number(process.env.NLU_BENCH_THREADS ?? 2);
  const model = await AutoModelForCausalLM.from_pretrained(path.basename(absolute), { dtype: 'fp32', device: 'cpu', session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
  return { model, absolute };
}

// Greedy, no repetition penalty, stops at <|endoftext|> (50256) like the C# generator;
// minNewTokens > 0 suppresses that stop (benchmarks need a fixed token count).
export async function greedy(model, ids, steps, minNewTokens = 0) {
  const n = ids.length;
  const inputIds = new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, n]);
  const attentionMask = new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
  const output = await model.generate({
    input_ids: inputIds,
    attention_mask: attentionMask,
    max_new_tokens: steps,
    min_new_tokens: minNewTokens,
    do_sample: false,
    repetition_penalty: 1.0,
    no_repeat_ngram_size: 0,
    eos_token_id: 50256,
    pad_token_id: 50256,
  });
  return Array.from(output.data.slice(n), Number);
}
