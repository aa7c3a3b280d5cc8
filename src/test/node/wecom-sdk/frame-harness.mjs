// A WeCom-side ws server whose expectations come from WeCom's official bot client, for AssistantFramesTest.
//
// RECORD: the official WSClient (@wecom/aibot-node-sdk) is run against this server and every frame it sends is
// recorded per kind (cmd, plus body.msgtype where there is one) as a shape: the JSON key paths with their value
// types; paths in every recorded frame of a kind are required, paths in any are allowed. The server acks each
// frame after ACK_DELAY_MS and notes whether a second frame for a req_id arrived before the ack of the first.
// CHECK: the assistant's client connects; each frame it sends is compared with the recorded shape of its kind.
//
// `node frame-harness.mjs record` prints the recording; `node frame-harness.mjs check` records, then listens:
// stdout {"event":"listening","port"}, {"event":"frame","kind","reqId","finish"} per frame of the assistant;
// stdin {"op":"text","chatid","content"} / {"op":"event","eventtype",...} send a callback, {"op":"report"} prints
// {"event":"report","differences":[...],"overlaps":[...],"exercised":[...],"notExercised":[...]}.
import { createInterface } from 'node:readline';
import { WebSocketServer } from 'ws';
import { WSClient } from '@wecom/aibot-node-sdk';

const ACK_DELAY_MS = Number(process.env.ACK_DELAY_MS || 150);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const quiet = { debug() {}, info() {}, warn() {}, error: (...a) => console.error(...a) };

const kindOf = (f) => (f.body && typeof f.body.msgtype === 'string' ? `${f.cmd}/${f.body.msgtype}` : f.cmd);

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** "path:type" for every value in the frame; array items under "path[]". Values themselves are not compared. */
function shape(v, path = '', acc = new Set()) {
  acc.add(`${path || '$'}:${typeOf(v)}`);
  // a card's content is the caller's (the SDK passes it through); only the task_id it must echo is protocol
  if (path === 'body.template_card') {
    if (v && v.task_id !== undefined) acc.add(`${path}.task_id:${typeOf(v.task_id)}`);
    return acc;
  }
  if (Array.isArray(v)) v.forEach((x) => shape(x, `${path}[]`, acc));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) shape(x, path ? `${path}.${k}` : k, acc);
  return acc;
}

/** A WeCom-like server: acks each request after ACK_DELAY_MS (subscribe and ping at once: the client counts missed pongs), notes frames sent before the previous ack of their req_id. */
function server(onFrame) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const unacked = new Set();
  const overlaps = [];
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString());
      const reqId = f.headers?.req_id ?? '';
      if (unacked.has(reqId)) overlaps.push({ kind: kindOf(f), reqId });
      unacked.add(reqId);
      const extra = onFrame(f, ws) || {};
      setTimeout(() => {
        unacked.delete(reqId);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode: 0, errmsg: 'ok', ...extra }));
      }, f.cmd === 'aibot_subscribe' || f.cmd === 'ping' ? 0 : ACK_DELAY_MS);
    });
  });
  return { wss, overlaps, port: () => wss.address().port };
}

let uploads = 0;
/** What WeCom answers an upload step with, in the ack's body (where the official client reads it). */
function uploadAnswer(f) {
  if (f.cmd === 'aibot_upload_media_init') return { body: { upload_id: `up-${++uploads}` } };
  if (f.cmd === 'aibot_upload_media_finish') return { body: { media_id: `media-${uploads}`, type: 'file', created_at: '0' } };
  return {};
}

function callback(ws, cmd, body) {
  const reqId = `cb-${Math.random().toString(16).slice(2)}`;
  ws.send(JSON.stringify({ cmd, headers: { req_id: reqId }, body }));
  return reqId;
}

const textBody = (chatid, content) => ({
  msgid: `m-${Date.now()}-${Math.random()}`, create_time: Math.floor(Date.now() / 1000), aibotid: 'bot-harness',
  chatid, chattype: 'group', from: { userid: 'chenxia' }, msgtype: 'text', text: { content },
});
const eventBody = (chatid, event) => ({
  msgid: `e-${Date.now()}-${Math.random()}`, create_time: Math.floor(Date.now() / 1000), aibotid: 'bot-harness',
  chatid, chattype: chatid ? 'group' : 'single', from: { userid: 'chenxia' }, msgtype: 'event', event,
});

/** Runs the official client through every request it can make and returns {kind: {required, allowed, sequential}}. */
async function record() {
  const shapes = {};
  const s = server((f) => {
    const k = kindOf(f);
    const sh = shape(f);
    const r = (shapes[k] ??= { required: [...sh], allowed: new Set() });
    r.required = r.required.filter((p) => sh.has(p));
    sh.forEach((p) => r.allowed.add(p));
    return uploadAnswer(f);
  });
  await new Promise((r) => s.wss.on('listening', r));
  const client = new WSClient({ botId: 'bot-harness', secret: 's', wsUrl: `ws://127.0.0.1:${s.port()}`,
    heartbeatInterval: 100, maxReconnectAttempts: 0, logger: quiet });
  const done = [];
  client.on('message.text', (frame) => done.push(Promise.all([
    client.replyStream(frame, 'st-1', '正在检查……'),
    client.replyStream(frame, 'st-1', '检查完成', true),
  ])));
  client.on('event.enter_chat', (frame) => done.push(client.replyWelcome(frame, { msgtype: 'text', text: { content: '欢迎' } })));
  // both ways the official client updates a card: for everyone, and (userids) only for the given people
  client.on('event.template_card_event', (frame) => done.push(client.updateTemplateCard(frame,
    { card_type: 'button_interaction', main_title: { title: '已接单' }, task_id: 't-1', button_list: [{ text: '已接单', key: 'k' }] },
    frame.body.event.template_card_event?.event_key === 'k-mine' ? ['chenxia'] : undefined)));
  const authed = new Promise((r) => client.on('authenticated', r));
  client.connect();
  await authed;
  const [ws] = s.wss.clients;
  callback(ws, 'aibot_msg_callback', textBody('wr_rec', '@助手 开票失败'));
  callback(ws, 'aibot_event_callback', eventBody('', { eventtype: 'enter_chat' }));
  callback(ws, 'aibot_event_callback', eventBody('wr_rec',
    { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: 'k', task_id: 't-1' } }));
  callback(ws, 'aibot_event_callback', eventBody('wr_rec',
    { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: 'k-mine', task_id: 't-1' } }));
  await new Promise((r) => setTimeout(r, 300)); // the handlers have queued their replies; a ping went out
  done.push(client.sendMessage('wr_rec', { msgtype: 'markdown', markdown: { content: '推送' } }));
  done.push(client.uploadMedia(Buffer.from('report'), { type: 'file', filename: 'r.docx' })
    .then((m) => client.sendMediaMessage('wr_rec', 'file', m.media_id)));
  await Promise.all(done);
  client.disconnect();
  s.wss.close();
  const recording = {};
  for (const [k, r] of Object.entries(shapes)) recording[k] = { required: r.required.sort(), allowed: [...r.allowed].sort() };
  return { recording, overlaps: s.overlaps };
}

function compare(recording, f) {
  const k = kindOf(f);
  const rec = recording[k];
  if (!rec) return [{ kind: k, problem: 'the official client never sends this kind of frame' }];
  const sh = shape(f);
  const diffs = [];
  for (const p of rec.required) if (!sh.has(p)) diffs.push({ kind: k, problem: 'missing', path: p });
  for (const p of sh) if (!rec.allowed.includes(p)) diffs.push({ kind: k, problem: 'not sent by the official client', path: p });
  return diffs;
}

async function check() {
  const { recording, overlaps: sdkOverlaps } = await record();
  if (sdkOverlaps.length) throw new Error(`the official client itself overlapped: ${JSON.stringify(sdkOverlaps)}`);
  const differences = [];
  const exercised = new Set();
  let live = null;
  const s = server((f, ws) => {
    live = ws;
    const k = kindOf(f);
    exercised.add(k);
    differences.push(...compare(recording, f));
    out({ event: 'frame', kind: k, reqId: f.headers?.req_id ?? '', finish: f.body?.stream?.finish === true });
    return uploadAnswer(f);
  });
  await new Promise((r) => s.wss.on('listening', r));
  out({ event: 'listening', port: s.port(), recorded: Object.keys(recording).sort() });
  createInterface({ input: process.stdin }).on('line', (line) => {
    const cmd = JSON.parse(line);
    if (cmd.op === 'text') {
      out({ event: 'sent', reqId: callback(live, 'aibot_msg_callback', textBody(cmd.chatid, cmd.content)) });
    } else if (cmd.op === 'event') {
      out({ event: 'sent', reqId: callback(live, 'aibot_event_callback', eventBody(cmd.chatid ?? '', cmd.event)) });
    } else if (cmd.op === 'report') {
      const notExercised = Object.keys(recording).filter((k) => !exercised.has(k)).sort();
      out({ event: 'report', differences, overlaps: s.overlaps, exercised: [...exercised].sort(), notExercised });
    }
  }).on('close', () => process.exit(0));
}

setTimeout(() => process.exit(3), Number(process.env.LIFETIME_MS || 60000)).unref();
if (process.argv[2] === 'record') {
  const { recording, overlaps } = await record();
  out({ recording, overlaps });
  process.exit(0);
} else {
  await check();
}
