#!/usr/bin/env node
/*
 * One Node thread of Digital Bazaar's VC stack (the independent verifier of src/test/node/vc-verify, same versions)
 * verifying one credential again and again, for the Credo-to-Node ratio of bench/README.md.
 *
 *   node verify-bench.mjs credential.json [--status status.json] [--seconds 10] [--warmup 5]
 *
 * Prints verifications a second, one line per second and a total. Nothing is fetched: contexts are the files Credo
 * ships, did:key documents are derived locally, and with --status the status list credentials come from a file
 * {"<list URL>": <signed list credential>, ...} (bench/verify writes those to target/fixtures/), checked with
 * checkStatus from @digitalbazaar/vc-bitstring-status-list, as Credo checks them. Without --status only the proof is
 * checked (the status entries are not read).
 */
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createVerifyCryptosuite as eddsaJcs2022} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const here = dirname(fileURLToPath(import.meta.url));
const CONTEXTS_DIR = join(here, '..', '..', 'src', 'main', 'resources', 'vc', 'contexts');
const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://www.w3.org/ns/credentials/status/v1': 'vc-bitstring-status-list-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json'
};

function args(argv) {
  const options = {file: null, status: null, seconds: 10, warmup: 5};
  for(let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if(arg === '--status') {
      options.status = argv[++i];
    } else if(arg === '--seconds') {
      options.seconds = Number(argv[++i]);
    } else if(arg === '--warmup') {
      options.warmup = Number(argv[++i]);
    } else if(!arg.startsWith('--') && options.file === null) {
      options.file = arg;
    } else {
      throw new Error(`usage: node verify-bench.mjs credential.json [--status status.json] [--seconds N] [--warmup N]`);
    }
  }
  if(!options.file) {
    throw new Error('name the credential file');
  }
  return options;
}

async function didKeyDocument(url) {
  const [did] = url.split('#');
  const multibase = did.slice('did:key:'.length);
  const key = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: `${did}#${multibase}`,
    controller: did,
    publicKeyMultibase: multibase
  });
  const method = await key.export({publicKey: true, includeContext: true});
  if(url.includes('#')) {
    if(url !== method.id) {
      throw new Error(`unknown did:key verification method ${url}`);
    }
    return method;
  }
  const {'@context': _, ...embedded} = method;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [embedded],
    assertionMethod: [method.id]
  };
}

const options = args(process.argv.slice(2));
const contexts = new Map();
for(const [url, file] of Object.entries(CONTEXT_FILES)) {
  contexts.set(url, JSON.parse(await readFile(join(CONTEXTS_DIR, file), 'utf8')));
}
const statusLists = options.status ? JSON.parse(await readFile(options.status, 'utf8')) : {};
const credentialText = await readFile(options.file, 'utf8');

async function documentLoader(url) {
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if(url.startsWith('did:key:')) {
    return {contextUrl: null, documentUrl: url, document: await didKeyDocument(url)};
  }
  if(Object.hasOwn(statusLists, url)) {
    // A copy, as a fetch would give: the verifier must not find a list it already expanded.
    return {contextUrl: null, documentUrl: url, document: structuredClone(statusLists[url])};
  }
  throw new Error(`offline document loader refuses ${url}`);
}

const suite = [
  new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
  new DataIntegrityProof({cryptosuite: eddsaJcs2022()})
];

// Each round parses the credential text, as a verifier receiving it does.
async function verifyOnce() {
  const verifyOptions = {credential: JSON.parse(credentialText), suite, documentLoader};
  // Without --status only the proof is checked, as in the earlier Node figures: @digitalbazaar/vc insists on a
  // checkStatus function for a credential with credentialStatus, so it gets one that checks nothing.
  verifyOptions.checkStatus = options.status ? checkStatus : async () => ({verified: true});
  const result = await vc.verifyCredential(verifyOptions);
  if(!result.verified) {
    throw new Error('the credential does not verify: ' + JSON.stringify({error: String(result.error), errors: result.error?.errors?.map(String), results: result.results?.map(r => String(r.error)), status: result.statusResult}).slice(0, 3000));
  }
  if(options.status && result.statusResult.results.some(r => r.status === true)) {
    throw new Error('a status bit is set');
  }
}

async function run(seconds, report) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  let second = performance.now() + 1000;
  let inSecond = 0;
  while(performance.now() < end) {
    await verifyOnce();
    count++;
    inSecond++;
    if(report && performance.now() >= second) {
      process.stdout.write(`  ${inSecond} ops/s\n`);
      inSecond = 0;
      second += 1000;
    }
  }
  return count;
}

await run(options.warmup, false);
const start = performance.now();
const cpuStart = process.cpuUsage();
const count = await run(options.seconds, true);
const elapsed = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// CPU time of the whole process (its one JavaScript thread, and the garbage collector's helpers): on a shared
// machine, verifications per CPU second say what one quiet core would do.
process.stdout.write(
  `${options.file}${options.status ? ' with status' : ''}: ${(count / elapsed).toFixed(1)} ops/s ` +
  `(${count} in ${elapsed.toFixed(1)} s, one thread; ${cpuSeconds.toFixed(2)} s CPU: ` +
  `${(count / cpuSeconds).toFixed(1)} per CPU second)\n`);
