// The live view page: one WebSocket (/live) brings a frame every ~50 ms; traces scroll by the samples
// that really arrived (each bucket = `decimation` samples at `sampleRate`), so the time axis is true.
(() => {
  'use strict';
  const WINDOW_SECONDS = 5;
  const colours = ['#4fc3f7', '#81c784', '#ffb74d', '#e57373', '#ba68c8', '#4db6ac', '#fff176', '#f06292'];
  const $ = id => document.getElementById(id);
  const state = { channels: [], rate: 0, decimation: 1, capacity: 0, mins: [], maxs: [], buckets: 0, markers: [], spectrum: null, dirty: false, frames: 0 };
  let socket = null;

  function colour(c) { return colours[c % colours.length]; }

  function reset(frame) {
    state.channels = frame.channels;
    state.rate = frame.sampleRate;
    state.decimation = frame.decimation;
    state.capacity = Math.ceil(WINDOW_SECONDS * frame.sampleRate / frame.decimation);
    state.mins = frame.channels.map(() => new Float32Array(state.capacity));
    state.maxs = frame.channels.map(() => new Float32Array(state.capacity));
    state.buckets = 0;
    $('device').textContent = frame.device;
    $('rate').textContent = `${frame.channels.length} ch × ${frame.sampleRate} Hz (1 point per ${frame.decimation} samples)`;
    $('window').textContent = `last ${WINDOW_SECONDS} s`;
    const select = $('spectrum-channel');
    select.innerHTML = '';
    frame.channels.forEach((name, c) => select.add(new Option(name, String(c))));
    $('rms').innerHTML = frame.channels.map((name, c) =>
      `<div class="bar"><span>${name}</span><div class="meter"><div id="rms-${c}" style="background:${colour(c)}"></div></div><span class="value" id="rms-value-${c}">0</span></div>`).join('');
  }

  function onFrame(frame) {
    if (frame.sampleRate !== state.rate || frame.channels.length !== state.channels.length || frame.decimation !== state.decimation) {
      reset(frame);
    }

    const traces = frame.traces;
    const added = traces.length ? traces[0].length / 2 : 0;
    for (let i = 0; i < added; i++) {
      const slot = (state.buckets + i) % state.capacity;
      for (let c = 0; c < traces.length; c++) {
        state.mins[c][slot] = traces[c][2 * i];
        state.maxs[c][slot] = traces[c][2 * i + 1];
      }
    }

    state.buckets += added;
    state.frames++;
    for (const m of frame.markers) {
      state.markers.push(m);
      const item = document.createElement('li');
      item.textContent = `${m.text} at ${(m.sample / state.rate).toFixed(2)} s`;
      item.dataset.number = String(m.number);
      $('markers').appendChild(item);
    }

    const samples = $('samples');
    samples.textContent = frame.samplesTotal.toLocaleString('en');
    samples.dataset.count = String(frame.samplesTotal);
    $('lost').textContent = String(frame.lostSamples);
    showRms(frame.rms);
    showContact(frame.contact);
    showDecision(frame.decision);
    showRecording(frame.recording);
    if (frame.spectrum) {
      state.spectrum = frame.spectrum;
    }

    state.dirty = state.dirty || added > 0 || frame.spectrum !== null;
    document.body.dataset.frames = String(state.frames);
  }

  function showRms(rms) {
    const top = Math.max(10, ...rms);
    rms.forEach((value, c) => {
      const bar = $(`rms-${c}`);
      if (bar) {
        bar.style.width = `${(100 * value / top).toFixed(1)}%`;
        $(`rms-value-${c}`).textContent = value.toFixed(1);
      }
    });
  }

  function showContact(contact) {
    if (!contact) {
      return;
    }

    const words = { 'good': 'good', 'mains': 'mains pick-up', 'no-signal': 'no signal' };
    $('contact').innerHTML = contact.map((v, c) =>
      `<li class="${v.verdict}" title="RMS ${v.rmsMicrovolts} µV, mains ${v.mainsMicrovolts} µV">${state.channels[c]}: ${words[v.verdict] || v.verdict}</li>`).join('');
  }

  function showDecision(decision) {
    const label = $('decision-label');
    if (!decision) {
      return;
    }

    label.classList.remove('empty');
    label.textContent = decision.label;
    label.dataset.classId = String(decision.classId);
    $('decision-confidence-bar').style.width = `${(100 * decision.confidence).toFixed(0)}%`;
    $('decision-detail').textContent = `confidence ${(100 * decision.confidence).toFixed(0)} %, decision #${decision.count} (made on the device)`;
  }

  function showRecording(recording) {
    const button = $('record');
    const status = $('recording-status');
    status.dataset.active = String(recording.active);
    if (recording.active) {
      button.textContent = 'Stop recording';
      button.classList.add('recording');
      status.textContent = `recording ${recording.seconds.toFixed(1)} s, ${recording.markers} markers → ${recording.path}`;
    } else {
      button.textContent = 'Start recording';
      button.classList.remove('recording');
      status.textContent = recording.lastFile ? `saved ${recording.lastFile}` : 'not recording';
    }

    status.dataset.lastFile = recording.lastFile || '';
  }

  function drawTraces() {
    const canvas = $('traces');
    const g = canvas.getContext('2d');
    const width = canvas.width;
    const height = canvas.height;
    g.fillStyle = '#0b1016';
    g.fillRect(0, 0, width, height);
    const n = state.channels.length;
    if (n === 0) {
      return;
    }

    const visible = Math.min(state.buckets, state.capacity);
    const first = state.buckets - visible;
    const lane = height / n;
    const x = b => (b - (state.buckets - state.capacity)) * width / state.capacity;
    g.font = '11px system-ui, sans-serif';
    for (let c = 0; c < n; c++) {
      let peak = 1;
      for (let b = first; b < state.buckets; b++) {
        const slot = b % state.capacity;
        peak = Math.max(peak, Math.abs(state.mins[c][slot]), Math.abs(state.maxs[c][slot]));
      }

      const mid = lane * (c + 0.5);
      const scale = (lane * 0.45) / peak;
      g.strokeStyle = colour(c);
      g.beginPath();
      for (let b = first; b < state.buckets; b++) {
        const slot = b % state.capacity;
        const px = x(b);
        g.moveTo(px, mid - state.maxs[c][slot] * scale);
        g.lineTo(px, mid - state.mins[c][slot] * scale + 0.5);
      }

      g.stroke();
      g.fillStyle = '#8795a6';
      g.fillText(`${state.channels[c]}  ±${peak.toFixed(0)} µV`, 4, lane * c + 12);
    }

    g.strokeStyle = '#ffa726';
    g.fillStyle = '#ffa726';
    for (const m of state.markers) {
      const b = Math.floor(m.sample / state.decimation);
      if (b >= first && b < state.buckets) {
        g.beginPath();
        g.moveTo(x(b), 0);
        g.lineTo(x(b), height);
        g.stroke();
        g.fillText(String(m.number), x(b) + 3, height - 4);
      }
    }

    // The time axis: one tick a second, counted back from now.
    g.fillStyle = '#8795a6';
    for (let s = 1; s < WINDOW_SECONDS; s++) {
      g.fillText(`-${s} s`, width - s * width / WINDOW_SECONDS, height - 16);
    }
  }

  function drawSpectrum() {
    const canvas = $('spectrum');
    const g = canvas.getContext('2d');
    g.fillStyle = '#0b1016';
    g.fillRect(0, 0, canvas.width, canvas.height);
    const spectrum = state.spectrum;
    if (!spectrum) {
      return;
    }

    const c = Number($('spectrum-channel').value || 0);
    const bins = spectrum.amplitudes[c];
    const top = Math.max(1e-3, ...bins.slice(1));
    const w = canvas.width / bins.length;
    g.fillStyle = colour(c);
    bins.forEach((a, k) => {
      const h = (canvas.height - 14) * a / top;
      g.fillRect(k * w, canvas.height - 14 - h, Math.max(1, w - 1), h);
    });
    g.fillStyle = '#8795a6';
    g.font = '11px system-ui, sans-serif';
    const nyquist = spectrum.binHz * (bins.length - 1);
    for (let f = 0; f <= nyquist; f += Math.max(10, Math.round(nyquist / 10 / 10) * 10)) {
      g.fillText(`${f}`, f / spectrum.binHz * w, canvas.height - 2);
    }

    $('spectrum-note').textContent = `0–${nyquist.toFixed(0)} Hz, ${spectrum.binHz.toFixed(2)} Hz bins, peak ${top.toFixed(2)} µV`;
  }

  function render() {
    if (state.dirty) {
      state.dirty = false;
      drawTraces();
      drawSpectrum();
    }

    requestAnimationFrame(render);
  }

  function send(command) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ command }));
    }
  }

  function connect() {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
    socket.onopen = () => { $('link').textContent = 'live'; $('link').className = 'on'; };
    socket.onclose = () => { $('link').textContent = 'offline'; $('link').className = 'off'; setTimeout(connect, 1000); };
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.type === 'frame') {
        onFrame(message);
      } else if (message.type === 'reply') {
        showRecording(message.recording);
        if (!message.ok) {
          $('recording-status').textContent = message.message;
        }
      }
    };
  }

  $('record').addEventListener('click', () => send($('recording-status').dataset.active === 'true' ? 'record-stop' : 'record-start'));
  $('marker').addEventListener('click', () => send('marker'));
  $('spectrum-channel').addEventListener('change', () => { state.dirty = true; });
  connect();
  requestAnimationFrame(render);
})();
