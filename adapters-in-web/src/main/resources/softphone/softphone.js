// Parley softphone: plays the phone the assistant calls, speaking Twilio's media-stream protocol.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { token: null, call: null, socket: null, audio: null, mic: null, playhead: 0, sources: [],
                  playedMs: 0, sequence: 0, chunk: 0, pollTimer: null, streamSid: null, ended: false };
  window.softphone = state; // for tests and the curious

  // ---- G.711 μ-law (bias 0x84, clip 32635), the encoding of a phone line
  function muLawEncode(sample) {
    let pcm = Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
    const sign = (pcm >> 8) & 0x80;
    if (sign) pcm = -pcm;
    if (pcm > 32635) pcm = 32635;
    pcm += 0x84;
    let exponent = 7;
    for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
    const mantissa = (pcm >> (exponent + 3)) & 0x0f;
    return ~(sign | (exponent << 4) | mantissa) & 0xff;
  }
  function muLawDecode(byte) {
    const x = ~byte & 0xff;
    const magnitude = (((x & 0x0f) << 3) + 0x84) << ((x >> 4) & 0x07);
    return ((x & 0x80) ? 0x84 - magnitude : magnitude - 0x84) / 32768;
  }
  function toBase64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }
  function fromBase64(text) {
    const s = atob(text);
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }

  function status(text) { $('status').textContent = text; }
  function error(text) { $('error').textContent = text || ''; }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((json && json.detail) || (method + ' ' + path + ': ' + response.status));
    return json;
  }

  async function signIn(register) {
    error();
    const credentials = { email: $('email').value, password: $('password').value };
    try {
      if (register) await api('POST', '/auth/register', credentials);
      const tokens = await api('POST', '/auth/login', credentials);
      state.token = tokens.access_token;
      $('signin').classList.add('hidden');
      $('phone').classList.remove('hidden');
      await loadScenarios();
    } catch (e) {
      error(e.message);
    }
  }

  async function loadScenarios() {
    const select = $('scenario');
    select.innerHTML = '';
    const builtIns = await api('GET', '/scenarios');
    for (const s of builtIns) select.add(new Option(s.title || s.name, s.name));
    const custom = await api('GET', '/custom-scenarios');
    for (const s of custom) select.add(new Option('My scenario: ' + s.persona.slice(0, 40), s.scenario_id));
  }

  // ---- the call
  async function call() {
    error();
    $('transcript').innerHTML = '';
    state.ended = false;
    state.playedMs = 0;
    $('played').textContent = '0';
    $('call').disabled = true;
    try {
      state.audio = new AudioContext();
      await state.audio.resume();
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
      state.call = await api('POST', '/api/simulated-calls', { scenario: $('scenario').value });
      status('connecting');
      await connect(stream);
    } catch (e) {
      error(e.message);
      finish('failed');
    }
  }

  function send(message) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
  }

  async function connect(stream) {
    const c = state.call;
    state.streamSid = 'MZ' + c.call_sid.slice(3);
    state.playhead = state.audio.currentTime;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + c.stream_path);
    state.socket = socket;
    socket.onopen = async () => {
      send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
      send({ event: 'start', sequenceNumber: String(++state.sequence), streamSid: state.streamSid,
             start: { streamSid: state.streamSid, accountSid: '', callSid: c.call_sid, tracks: ['inbound'],
                      customParameters: { callId: String(c.call_id), token: c.token },
                      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } });
      status('connected');
      $('hangup').disabled = false;
      await startMicrophone(stream);
      state.pollTimer = setInterval(pollTranscript, 1000);
    };
    socket.onmessage = (event) => received(JSON.parse(event.data));
    socket.onclose = () => finish('ended');
    socket.onerror = () => error('The media stream failed');
  }

  async function startMicrophone(stream) {
    const audio = state.audio;
    await audio.audioWorklet.addModule('/softphone/microphone-worklet.js');
    const source = audio.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(audio, 'microphone-to-8k');
    const started = performance.now();
    node.port.onmessage = (event) => {
      const samples = event.data; // 160 samples at 8 kHz: one 20 ms frame
      const frame = new Uint8Array(samples.length);
      for (let i = 0; i < samples.length; i++) frame[i] = muLawEncode(samples[i]);
      state.chunk++;
      send({ event: 'media', sequenceNumber: String(++state.sequence), streamSid: state.streamSid,
             media: { track: 'inbound', chunk: String(state.chunk), timestamp: String(Math.round(performance.now() - started)),
                      payload: toBase64(frame) } });
    };
    source.connect(node);
    // a worklet runs only while connected to the graph; a muted gain keeps the microphone out of the speakers
    const mute = audio.createGain();
    mute.gain.value = 0;
    node.connect(mute).connect(audio.destination);
    state.mic = { stream, source, node };
  }

  function received(message) {
    switch (message.event) {
      case 'media': play(fromBase64(message.media.payload)); break;
      case 'mark': markAfterPlayback(message.mark.name); break;
      case 'clear': clearPlayback(); break;
      default: break;
    }
  }

  function play(mulaw) {
    const audio = state.audio;
    const buffer = audio.createBuffer(1, mulaw.length, 8000);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < mulaw.length; i++) data[i] = muLawDecode(mulaw[i]);
    const source = audio.createBufferSource();
    source.buffer = buffer;
    source.connect(audio.destination);
    const at = Math.max(audio.currentTime, state.playhead);
    source.start(at);
    state.playhead = at + buffer.duration;
    state.sources.push(source);
    source.onended = () => {
      state.sources = state.sources.filter((s) => s !== source);
      if (!source.cleared) {
        state.playedMs += Math.round(buffer.duration * 1000);
        $('played').textContent = String(state.playedMs);
      }
    };
  }

  // Twilio echoes a mark once the audio queued before it has played
  function markAfterPlayback(name) {
    const wait = Math.max(0, (state.playhead - state.audio.currentTime) * 1000);
    const timer = setTimeout(() => echo(name), wait);
    state.marks = (state.marks || []);
    state.marks.push({ name, timer });
  }
  function echo(name) {
    state.marks = (state.marks || []).filter((m) => m.name !== name);
    send({ event: 'mark', sequenceNumber: String(++state.sequence), streamSid: state.streamSid, mark: { name } });
  }
  // a clear drops the queued audio, and its marks come back at once
  function clearPlayback() {
    for (const s of state.sources) { s.cleared = true; try { s.stop(); } catch (e) { /* not started */ } }
    state.sources = [];
    state.playhead = state.audio.currentTime;
    for (const m of state.marks || []) { clearTimeout(m.timer); echo(m.name); }
  }

  async function pollTranscript() {
    if (!state.call) return;
    try {
      const detail = await api('GET', '/api/calls/' + state.call.call_id);
      const list = $('transcript');
      list.innerHTML = '';
      for (const m of detail.messages) {
        const item = document.createElement('li');
        item.className = m.sender_type;
        item.textContent = m.content;
        list.appendChild(item);
      }
      if (state.ended) status('ended: ' + detail.call.status + (detail.call.end_reason ? ' (' + detail.call.end_reason + ')' : ''));
    } catch (e) {
      error(e.message);
    }
  }

  function hangUp() {
    send({ event: 'stop', sequenceNumber: String(++state.sequence), streamSid: state.streamSid,
           stop: { accountSid: '', callSid: state.call ? state.call.call_sid : '' } });
    if (state.socket) state.socket.close(1000);
    finish('ended');
  }

  function finish(how) {
    if (state.ended) return;
    state.ended = true;
    status(how);
    $('hangup').disabled = true;
    $('call').disabled = false;
    if (state.mic) {
      state.mic.stream.getTracks().forEach((t) => t.stop());
      state.mic.node.disconnect();
      state.mic = null;
    }
    if (state.pollTimer) clearInterval(state.pollTimer);
    state.pollTimer = null;
    // the last lines and the final status, once the server has stored them
    setTimeout(pollTranscript, 500);
    setTimeout(pollTranscript, 2000);
  }

  $('login').addEventListener('click', () => signIn(false));
  $('register').addEventListener('click', () => signIn(true));
  $('call').addEventListener('click', call);
  $('hangup').addEventListener('click', hangUp);
})();
