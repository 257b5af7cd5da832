#!/usr/bin/env node
/*
 * Independent verification of a Credo credential with Digital Bazaar's VC stack.
 *
 *   node verify.mjs [credential.json] [--status-base-url http://127.0.0.1:8080/] [--status-origin URL]
 *
 * Reads the credential from the file, or from standard input, and prints one JSON line:
 * {"verified": true|false, "errors": ["..."]}. Exit code 0 when verified, 1 when not, 2 on bad usage.
 *
 * Nothing comes from the network: JSON-LD contexts are the files Credo ships
 * (src/main/resources/vc/contexts), did:key documents are derived locally. Only with
 * --status-base-url are status list credentials fetched, and only from under that URL. With
 * --status-origin, a status list whose URL is under --status-base-url is fetched from that origin instead
 * (a test server on a random port), while it keeps its own URL as its identity.
 */
import {readFile, readdir} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createVerifyCryptosuite as eddsaJcs2022} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const here = dirname(fileURLToPath(import.meta.url));
const CONTEXTS_DIR = join(here, '..', '..', '..', 'main', 'resources', 'vc', 'contexts');

// The URL each shipped file stands for (the table in shared/vc/README.md and NOTICE).
const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://www.w3.org/ns/credentials/status/v1': 'vc-bitstring-status-list-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-2.0.1.json'
};

function parseArgs(argv) {
  const options = {file: null, statusBaseUrl: null, statusOrigin: null};
  for(let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if(arg === '--status-base-url') {
      options.statusBaseUrl = argv[++i];
      if(!options.statusBaseUrl) {
        throw new UsageError('--status-base-url needs a URL');
      }
    } else if(arg.startsWith('--status-base-url=')) {
      options.statusBaseUrl = arg.slice('--status-base-url='.length);
    } else if(arg === '--status-origin') {
      options.statusOrigin = argv[++i];
      if(!options.statusOrigin) {
        throw new UsageError('--status-origin needs a URL');
      }
    } else if(arg.startsWith('--status-origin=')) {
      options.statusOrigin = arg.slice('--status-origin='.length);
    } else if(arg === '-h' || arg === '--help') {
      throw new UsageError(
        'usage: node verify.mjs [credential.json] [--status-base-url URL] [--status-origin URL]');
    } else if(arg.startsWith('--')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else if(options.file === null) {
      options.file = arg;
    } else {
      throw new UsageError(`unexpected argument: ${arg}`);
    }
  }
  if(options.statusOrigin && !options.statusBaseUrl) {
    throw new UsageError('--status-origin needs --status-base-url');
  }
  return options;
}

class UsageError extends Error {}

async function loadContexts() {
  const available = new Set(await readdir(CONTEXTS_DIR));
  const contexts = new Map();
  for(const [url, file] of Object.entries(CONTEXT_FILES)) {
    if(!available.has(file)) {
      throw new Error(`shipped context file missing: ${join(CONTEXTS_DIR, file)}`);
    }
    contexts.set(url, JSON.parse(await readFile(join(CONTEXTS_DIR, file), 'utf8')));
  }
  return contexts;
}

async function didKeyDocument(url) {
  const [did] = url.split('#');
  const multibase = did.slice('did:key:'.length);
  // Parses and checks the Ed25519 Multikey (multicodec 0xed01).
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
    '@context': [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1'
    ],
    id: did,
    verificationMethod: [embedded],
    authentication: [method.id],
    assertionMethod: [method.id],
    capabilityDelegation: [method.id],
    capabilityInvocation: [method.id]
  };
}

function documentLoaderFor({contexts, statusBaseUrl, statusOrigin}) {
  return async function documentLoader(url) {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    if(url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: await didKeyDocument(url)};
    }
    if(statusBaseUrl && url.startsWith(statusBaseUrl)) {
      // A status list credential from the Credo server under test.
      const from = statusOrigin ? new URL(new URL(url).pathname + new URL(url).search, statusOrigin).href : url;
      const response = await fetch(from, {headers: {accept: 'application/vc+ld+json, application/json'}});
      if(!response.ok) {
        throw new Error(`status list ${url}: HTTP ${response.status}`);
      }
      return {contextUrl: null, documentUrl: url, document: await response.json()};
    }
    throw new Error(`offline document loader refuses ${url}: not a shipped context, did:key or status list`);
  };
}

function collectErrors(result) {
  const errors = [];
  const add = error => {
    if(!error) {
      return;
    }
    if(Array.isArray(error)) {
      error.forEach(add);
      return;
    }
    if(error.errors) {
      add(error.errors);
    }
    const event = error.details?.event;
    const detail = event ? ` (${event.code}: ${JSON.stringify(event.details)})` : '';
    errors.push((error.message || String(error)) + detail);
  };
  add(result.error);
  for(const proofResult of result.results || []) {
    if(!proofResult.verified) {
      add(proofResult.error);
    }
  }
  if(result.statusResult && !result.statusResult.verified) {
    add(result.statusResult.error);
  }
  return [...new Set(errors)];
}

async function readCredential(file) {
  if(file) {
    return JSON.parse(await readFile(file, 'utf8'));
  }
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch(e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  let output;
  try {
    const credential = await readCredential(options.file);
    const contexts = await loadContexts();
    const documentLoader = documentLoaderFor({
      contexts, statusBaseUrl: options.statusBaseUrl, statusOrigin: options.statusOrigin
    });
    const suite = [
      new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
      new DataIntegrityProof({cryptosuite: eddsaJcs2022()})
    ];
    const verifyOptions = {credential, suite, documentLoader};
    if(options.statusBaseUrl) {
      verifyOptions.checkStatus = checkStatus;
    }
    const result = await vc.verifyCredential(verifyOptions);
    output = {verified: result.verified === true, errors: result.verified ? [] : collectErrors(result)};
    if(result.statusResult) {
      // checkStatus says "verified" even for a revoked credential; the bit is in the status results.
      // Each result carries its credentialStatus entry, whose statusPurpose says which list it is.
      output.status = (result.statusResult.results || []).map(r => ({
        purpose: r.credentialStatus?.statusPurpose ?? null, status: r.status === true, verified: r.verified === true
      }));
      if(result.statusResult.error) {
        output.statusError = result.statusResult.error.message || String(result.statusResult.error);
      }
    }
  } catch(e) {
    output = {verified: false, errors: [e.message || String(e)]};
  }
  process.stdout.write(JSON.stringify(output) + '\n');
  process.exit(output.verified ? 0 : 1);
}

await main();
