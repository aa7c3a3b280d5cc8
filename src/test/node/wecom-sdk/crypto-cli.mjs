// WeCom callback encryption done by WeCom's own npm SDK (@wecom/crypto), for OfficialCryptoInteropTest.
// The point is that the cipher and signature code here is the SDK's, not ours: this file only
// moves JSON in and out and does what the SDK leaves to its caller (comparing the signature and
// the receiveid, which @wecom/crypto returns but does not check).
//
// stdin: one command object, or an array of them (one node start for many cases); stdout: the
// result object, or an array of results in the same order.
//   {"op":"encrypt","token","encodingAESKey","receiveId","plaintext","timestamp","nonce"}
//     -> {"encrypt","msgSignature"}
//   {"op":"decrypt","token","encodingAESKey","receiveId","encrypt","msgSignature","timestamp","nonce"}
//     -> {"ok":true,"message","id"} or {"ok":false,"error":"bad_signature"|"wrong_receiveid"|"undecryptable"}
import { readFileSync } from 'node:fs';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

function run(cmd) {
  const { token, encodingAESKey, receiveId = '' } = cmd;
  switch (cmd.op) {
    case 'encrypt': {
      const ciphered = encrypt(encodingAESKey, cmd.plaintext, receiveId);
      return { encrypt: ciphered, msgSignature: getSignature(token, cmd.timestamp, cmd.nonce, ciphered) };
    }
    case 'decrypt': {
      // Verify before decrypting, as a callback handler must.
      if (getSignature(token, cmd.timestamp, cmd.nonce, cmd.encrypt) !== cmd.msgSignature) {
        return { ok: false, error: 'bad_signature' };
      }
      let plain;
      try {
        plain = decrypt(encodingAESKey, cmd.encrypt);
      } catch (e) {
        return { ok: false, error: 'undecryptable', detail: String(e.message) };
      }
      if (plain.id !== receiveId) {
        return { ok: false, error: 'wrong_receiveid', id: plain.id };
      }
      return { ok: true, message: plain.message, id: plain.id };
    }
    default:
      throw new Error(`unknown op: ${cmd.op}`);
  }
}

const input = JSON.parse(readFileSync(0, 'utf8'));
const output = Array.isArray(input) ? input.map(run) : run(input);
process.stdout.write(JSON.stringify(output));
