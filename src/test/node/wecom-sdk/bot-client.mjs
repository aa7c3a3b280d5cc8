// WeCom's official AI bot client (@wecom/aibot-node-sdk WSClient) against the assistant's WeCom stand-in,
// for OfficialBotClientTest. The SDK does not answer anything by itself: the handlers below are the bot,
// written as the SDK's README shows. One JSON line on stdout per thing observed; commands on stdin.
//
// env: WS_URL, BOT_ID, SECRET, HEARTBEAT_MS.
// stdin lines: {"op":"send","chatid","content"} -> sendMessage (markdown); {"op":"raw","cmd","reqId","body"} -> reply();
//   {"op":"file","chatid","name","size"} -> uploadMedia (init, chunks, finish) + sendMediaMessage (file), the bytes
//   being (i * 7 + 3) % 256 for i < size; {"op":"status"}; {"op":"quit"}
// stdout lines: {"event":"authenticated"}, {"event":"message.<type>","reqId","body"},
//   {"event":"event.<type>","reqId","body"}, {"event":"replied","cmd","reqId","results":[{ok,errcode,error}]},
//   {"event":"sent",...results}, {"event":"status","connected","missedPong"}, {"event":"disconnected","reason"}
import { createInterface } from 'node:readline';
import { WSClient } from '@wecom/aibot-node-sdk';

const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const quiet = { debug() {}, info() {}, warn: (...a) => console.error(...a), error: (...a) => console.error(...a) };

const client = new WSClient({
  botId: process.env.BOT_ID,
  secret: process.env.SECRET,
  wsUrl: process.env.WS_URL,
  heartbeatInterval: Number(process.env.HEARTBEAT_MS || 30000),
  maxReconnectAttempts: 0,
  logger: quiet,
});

// A promise of the SDK settles with the ack frame, or rejects with the ack frame (errcode != 0) or an Error (timeout).
const outcome = (p) => p.then(
  (ack) => ({ ok: true, errcode: ack.errcode }),
  (e) => ({ ok: false, errcode: e?.errcode ?? null, error: e?.errmsg ?? e?.message ?? String(e) }));

async function replied(cmd, frame, promises) {
  out({ event: 'replied', cmd, reqId: frame.headers.req_id, results: await Promise.all(promises.map(outcome)) });
}

client.on('authenticated', () => out({ event: 'authenticated' }));
client.on('disconnected', (reason) => out({ event: 'disconnected', reason }));
client.on('error', (e) => out({ event: 'error', error: e.message }));

for (const type of ['text', 'image', 'mixed', 'voice', 'file']) {
  client.on(`message.${type}`, (frame) => {
    out({ event: `message.${type}`, reqId: frame.headers.req_id, body: frame.body });
    // A stream reply: a placeholder, a partial answer, the whole answer. Queued by the SDK one at a time per
    // req_id, each sent only after the ack of the one before.
    const id = `stream-${frame.body.msgid}`;
    replied('aibot_respond_msg', frame, [
      client.replyStream(frame, id, '正在检查……'),
      client.replyStream(frame, id, `收到 ${type}`),
      client.replyStream(frame, id, `收到 ${type}，已处理`, true),
    ]);
  });
}

client.on('event.enter_chat', (frame) => {
  out({ event: 'event.enter_chat', reqId: frame.headers.req_id, body: frame.body });
  replied('aibot_respond_welcome_msg', frame, [client.replyWelcome(frame, { msgtype: 'text', text: { content: '您好，我是运维助手' } })]);
});

client.on('event.template_card_event', (frame) => {
  out({ event: 'event.template_card_event', reqId: frame.headers.req_id, body: frame.body });
  const ev = frame.body.event;
  // The documentation nests the click under event.template_card_event; the SDK's types put task_id on event.
  const taskId = ev.template_card_event?.task_id ?? ev.task_id;
  replied('aibot_respond_update_msg', frame, [client.updateTemplateCard(frame, {
    card_type: 'button_interaction', main_title: { title: '已接单' }, task_id: taskId,
    button_list: [{ text: '已接单', style: 1, key: 'done' }],
  })]);
});

for (const type of ['feedback_event', 'disconnected_event']) {
  client.on(`event.${type}`, (frame) => out({ event: `event.${type}`, reqId: frame.headers.req_id, body: frame.body }));
}

createInterface({ input: process.stdin }).on('line', async (line) => {
  const cmd = JSON.parse(line);
  if (cmd.op === 'send') {
    const r = await outcome(client.sendMessage(cmd.chatid, { msgtype: 'markdown', markdown: { content: cmd.content } }));
    out({ event: 'sent', chatid: cmd.chatid, ...r });
  } else if (cmd.op === 'file') {
    const buf = Buffer.alloc(cmd.size);
    for (let i = 0; i < cmd.size; i++) buf[i] = (i * 7 + 3) % 256;
    try {
      const up = await client.uploadMedia(buf, { type: 'file', filename: cmd.name });
      const r = await outcome(client.sendMediaMessage(cmd.chatid, 'file', up.media_id));
      out({ event: 'file', chatid: cmd.chatid, mediaId: up.media_id, ...r });
    } catch (e) {
      out({ event: 'file', chatid: cmd.chatid, ok: false, errcode: e?.errcode ?? null, error: e?.errmsg ?? e?.message ?? String(e) });
    }
  } else if (cmd.op === 'raw') {
    // any cmd through the SDK's generic reply(), which waits for its ack like every other request
    out({ event: 'raw', cmd: cmd.cmd, ...(await outcome(client.reply({ headers: { req_id: cmd.reqId } }, cmd.body, cmd.cmd))) });
  } else if (cmd.op === 'status') {
    // missedPongCount is the SDK's own count of pings without an ack (two mean a dead connection)
    out({ event: 'status', connected: client.isConnected, missedPong: client.wsManager.missedPongCount });
  } else if (cmd.op === 'quit') {
    process.exit(0);
  }
}).on('close', () => process.exit(0));

// never outlive the test that started it
setTimeout(() => process.exit(3), Number(process.env.LIFETIME_MS || 60000)).unref();
client.connect();
