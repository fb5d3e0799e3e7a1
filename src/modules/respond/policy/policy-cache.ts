// Compiled policies, kept per organization and version: versions never change once
// saved, so a compiled one stays right, and checking on every keystroke costs no compile.
import { compilePolicy, type CompiledPolicy } from './check-reply.ts';
import type { PolicyInForce } from './policy-store.ts';

const MAX_ENTRIES = 200;
const compiled = new Map<string, CompiledPolicy>();

export function compiledPolicyOf(orgId: string, policy: PolicyInForce): CompiledPolicy {
  const key = `${orgId}:${policy.version}`;
  let entry = compiled.get(key);
  if (!entry) {
    if (compiled.size >= MAX_ENTRIES) compiled.delete(compiled.keys().next().value!);
    entry = compilePolicy(policy.rules);
    compiled.set(key, entry);
  }
  return entry;
}
