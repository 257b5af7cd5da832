#!/usr/bin/env node
/*
 * A wallet nobody here wrote: the OpenID4VCI 1.0 client of the OpenWallet Foundation (@openid4vc/openid4vci)
 * claims a credential from Credo with the pre-authorized code flow.
 *
 *   node claim.mjs '<openid-credential-offer://...>' [--origin http://localhost:<port>] [--key ed25519|p256]
 *                  [--binding did|jwk]
 *
 * It resolves the offer, the issuer and authorization server metadata, redeems the pre-authorized code for an
 * access token, gets a c_nonce, signs a key proof with a key it generates itself, and requests the credential.
 * Prints one JSON line: {"ok": true, "holderDid": "...", "version": "...", "credential": {...}} or
 * {"ok": false, "error": "..."}. Exit code 0 on success, 1 on failure, 2 on bad usage.
 *
 * --origin sends requests for URLs under the offer's credential_issuer to another origin (a test server on a random
 * port) while every identifier keeps its configured value, exactly as a wallet on the real host would see it.
 */
import {createHash, generateKeyPairSync, randomBytes, sign} from 'node:crypto';
import {Openid4vciClient} from '@openid4vc/openid4vci';
import {clientAuthenticationAnonymous} from '@openid4vc/oauth2';
import {setGlobalConfig} from '@openid4vc/utils';

class UsageError extends Error {}

function parseArgs(argv) {
  const options = {offer: null, origin: null, key: 'ed25519', binding: 'did'};
  for(let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if(arg === '--origin') {
      options.origin = argv[++i];
    } else if(arg === '--key') {
      options.key = argv[++i];
    } else if(arg === '--binding') {
      options.binding = argv[++i];
    } else if(arg.startsWith('--')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else if(options.offer === null) {
      options.offer = arg;
    } else {
      throw new UsageError(`unexpected argument: ${arg}`);
    }
  }
  if(!options.offer || !['ed25519', 'p256'].includes(options.key) || !['did', 'jwk'].includes(options.binding)) {
    throw new UsageError(
      'usage: node claim.mjs <offer-uri> [--origin URL] [--key ed25519|p256] [--binding did|jwk]');
  }
  return options;
}

const base64url = bytes => Buffer.from(bytes).toString('base64url');

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58btc(bytes) {
  let value = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let text = '';
  while(value > 0n) {
    text = BASE58[Number(value % 58n)] + text;
    value /= 58n;
  }
  for(const byte of bytes) {
    if(byte !== 0) {
      break;
    }
    text = '1' + text;
  }
  return text;
}

// The holder key: generated here, never seen by Credo except as a public key.
function holderKey(kind) {
  if(kind === 'ed25519') {
    const {publicKey, privateKey} = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({format: 'jwk'});
    const raw = Buffer.from(jwk.x, 'base64url');
    const multibase = 'z' + base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
    return {alg: 'EdDSA', jwk, privateKey, didKey: `did:key:${multibase}`, multibase,
      sign: data => sign(null, data, privateKey)};
  }
  const {publicKey, privateKey} = generateKeyPairSync('ec', {namedCurve: 'P-256'});
  const jwk = publicKey.export({format: 'jwk'});
  const y = Buffer.from(jwk.y, 'base64url');
  const compressed = Buffer.concat([Buffer.from([(y[y.length - 1] & 1) ? 0x03 : 0x02]), Buffer.from(jwk.x, 'base64url')]);
  const multibase = 'z' + base58btc(Buffer.concat([Buffer.from([0x80, 0x24]), compressed]));
  return {alg: 'ES256', jwk, privateKey, didKey: `did:key:${multibase}`, multibase,
    sign: data => sign('sha256', data, {key: privateKey, dsaEncoding: 'ieee-p1363'})};
}

function didJwk(jwk) {
  const members = jwk.kty === 'OKP' ? {crv: jwk.crv, kty: jwk.kty, x: jwk.x} :
    {crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y};
  return 'did:jwk:' + base64url(JSON.stringify(members));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // Credo in a test listens on http://localhost; the client refuses http:// unless told.
  setGlobalConfig({allowInsecureUrls: true});

  const offerParams = new URLSearchParams(options.offer.slice(options.offer.indexOf('?') + 1));
  const issuer = JSON.parse(offerParams.get('credential_offer') ?? '{}').credential_issuer;
  const rewrite = url => (options.origin && issuer && url.startsWith(issuer)) ?
    options.origin + url.slice(issuer.length) : url;
  const log = [];
  const fetchVia = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url ?? String(input);
    const response = await fetch(rewrite(url), init);
    log.push(`${init?.method ?? 'GET'} ${url} -> ${response.status} ${response.headers.get('content-type')}`);
    return response;
  };

  const key = holderKey(options.key);
  const signer = options.binding === 'did' ?
    {method: 'did', didUrl: `${key.didKey}#${key.multibase}`, alg: key.alg} :
    {method: 'jwk', publicJwk: key.jwk, alg: key.alg};
  const holderDid = options.binding === 'did' ? key.didKey : didJwk(key.jwk);

  const client = new Openid4vciClient({
    callbacks: {
      fetch: fetchVia,
      hash: (data, alg) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
      generateRandom: bytes => randomBytes(bytes),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (jwtSigner, {header, payload}) => {
        const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
        return {jwt: `${input}.${base64url(key.sign(Buffer.from(input)))}`, signerJwk: key.jwk};
      }
    }
  });

  const credentialOffer = await client.resolveCredentialOffer(options.offer);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];
  const {accessTokenResponse} = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer, issuerMetadata
  });
  const {c_nonce: nonce} = await client.requestNonce({issuerMetadata});
  const {jwt} = await client.createCredentialRequestJwtProof({
    issuerMetadata, credentialConfigurationId, signer, nonce
  });
  const {credentialResponse} = await client.retrieveCredentials({
    issuerMetadata, credentialConfigurationId, accessToken: accessTokenResponse.access_token,
    proofs: {jwt: [jwt]}
  });
  const first = credentialResponse.credentials?.[0] ?? credentialResponse.credential;
  const credential = first?.credential ?? first;
  return {ok: true, holderDid, version: issuerMetadata.originalDraftVersion, credentialConfigurationId,
    credential, requests: log};
}

main().then(result => {
  console.log(JSON.stringify(result));
}, error => {
  if(error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  const detail = error?.response ? ` (${error.response.status})` : '';
  const body = error?.responseText ?? error?.errorResponse ?? error?.credentialErrorResponseResult ?? '';
  console.log(JSON.stringify({ok: false, error: `${error?.name}: ${error?.message}${detail}`,
    body: typeof body === 'string' ? body : JSON.stringify(body)}));
  process.exit(1);
});
