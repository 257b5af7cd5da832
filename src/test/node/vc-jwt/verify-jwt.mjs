#!/usr/bin/env node
/*
 * Independent verification of VC-JWTs with panva's jose, to compare with Credo's verifier.
 *
 *   node verify-jwt.mjs token.jwt [more.jwt ...]      # or: node verify-jwt.mjs < token.jwt
 *
 * Prints one JSON line per token, in order: {"verified": true|false, "alg": "...", "issuer": "...", "errors": [...]}.
 * Exit code 0 when every token verified, 1 when one did not, 2 on bad usage.
 *
 * The key is found as Open Badges 3.0 (section 8.2) and VC-JOSE-COSE describe it, offline: the header's kid (a
 * did:key, Ed25519 or P-256, or a did:jwk; a bare "#fragment" is relative to the issuer) or its jwk. Either way the
 * key must be the issuer's: the kid's DID is the credential's issuer, and a jwk is the key of an issuer that is a
 * did:key or did:jwk. jose then checks the signature with asymmetric algorithms only, refuses a crit header it does
 * not understand and a key that does not fit alg, and checks nbf and exp.
 */
import {readFile} from 'node:fs/promises';
import {ECDH} from 'node:crypto';
import * as jose from 'jose';

const ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384',
  'PS512'];
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58Decode(text) {
  let value = 0n;
  for(const c of text) {
    const digit = BASE58.indexOf(c);
    if(digit < 0) {
      throw new Error(`not base58btc: ${text}`);
    }
    value = value * 58n + BigInt(digit);
  }
  const bytes = [];
  while(value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for(const c of text) {
    if(c !== '1') {
      break;
    }
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

// The public JWK a did:key (Ed25519 0xed01, P-256 0x1200) or a did:jwk holds in itself, or null for other methods.
function jwkOfDid(did) {
  if(did.startsWith('did:key:z')) {
    const bytes = base58Decode(did.slice('did:key:z'.length));
    if(bytes[0] === 0xed && bytes[1] === 0x01 && bytes.length === 34) {
      return {kty: 'OKP', crv: 'Ed25519', x: jose.base64url.encode(bytes.slice(2))};
    }
    if(bytes[0] === 0x80 && bytes[1] === 0x24 && bytes.length === 35) {
      const point = ECDH.convertKey(bytes.slice(2), 'prime256v1', undefined, undefined, 'uncompressed');
      return {
        kty: 'EC', crv: 'P-256',
        x: jose.base64url.encode(point.subarray(1, 33)),
        y: jose.base64url.encode(point.subarray(33, 65))
      };
    }
    throw new Error(`unsupported did:key ${did}`);
  }
  if(did.startsWith('did:jwk:')) {
    return JSON.parse(new TextDecoder().decode(jose.base64url.decode(did.slice('did:jwk:'.length))));
  }
  return null;
}

function issuerOf(payload) {
  const credential = payload.vc && typeof payload.vc === 'object' ? payload.vc : payload;
  const issuer = credential.issuer;
  return (typeof issuer === 'string' ? issuer : issuer?.id) ?? payload.iss;
}

function algorithmOf(jwk) {
  return {OKP: 'EdDSA', RSA: 'RS256'}[jwk.kty] ?? {'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512'}[jwk.crv];
}

async function sameKey(a, b) {
  return await jose.calculateJwkThumbprint(a) === await jose.calculateJwkThumbprint(b);
}

async function issuerKey(header, issuer) {
  if(typeof issuer !== 'string') {
    throw new Error('the credential names no issuer');
  }
  if(header.jwk && ('d' in header.jwk || 'k' in header.jwk)) {
    throw new Error('the jwk header holds a private or secret key');
  }
  if(header.kid) {
    const kid = header.kid.startsWith('#') ? issuer + header.kid : header.kid;
    const did = kid.split('#')[0];
    if(did !== issuer) {
      throw new Error(`kid ${kid} is not a key of the issuer ${issuer}`);
    }
    const jwk = jwkOfDid(did);
    if(!jwk) {
      throw new Error(`${did} cannot be resolved offline`);
    }
    if(header.jwk && !await sameKey(header.jwk, jwk)) {
      throw new Error('the jwk header is not the key the kid names');
    }
    return jwk;
  }
  const own = jwkOfDid(issuer);
  if(header.jwk) {
    if(!own || !await sameKey(header.jwk, own)) {
      throw new Error(`the jwk header is not a key of the issuer ${issuer}`);
    }
    return header.jwk;
  }
  if(!own) {
    throw new Error('the header names no key');
  }
  return own;
}

async function verify(token) {
  const result = {verified: false, alg: null, issuer: null, errors: []};
  try {
    const header = jose.decodeProtectedHeader(token);
    result.alg = header.alg ?? null;
    const payload = jose.decodeJwt(token);
    result.issuer = issuerOf(payload) ?? null;
    const jwk = await issuerKey(header, result.issuer);
    // For an alg outside the list (none, HS256, ...) the key is imported for its own type, so that jose itself
    // refuses the token's alg.
    const key = await jose.importJWK(jwk, ALGORITHMS.includes(header.alg) ? header.alg : algorithmOf(jwk));
    await jose.jwtVerify(token, key, {algorithms: ALGORITHMS});
    result.verified = true;
  } catch(e) {
    result.errors.push(`${e.code ?? e.name}: ${e.message}`);
  }
  return result;
}

async function main() {
  const files = process.argv.slice(2);
  if(files.some(f => f.startsWith('-'))) {
    console.error('usage: node verify-jwt.mjs [token.jwt ...]');
    process.exit(2);
  }
  const tokens = files.length === 0
    ? [await new Promise(resolve => {
      let text = '';
      process.stdin.on('data', chunk => text += chunk).on('end', () => resolve(text));
    })]
    : await Promise.all(files.map(f => readFile(f, 'utf8')));
  let all = true;
  for(const token of tokens) {
    const result = await verify(token.replace(/\s+/g, ''));
    all &&= result.verified;
    console.log(JSON.stringify(result));
  }
  process.exit(all ? 0 : 1);
}

main();
