// Runs on the audio thread: turns the microphone (at the context's rate) into 8 kHz samples and
// posts them to the page in blocks; the page encodes μ-law and sends 20 ms frames.
class MicrophoneTo8k extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / 8000;   // input samples per output sample
    this.position = 0;               // where the next output sample falls, in input samples
    this.sum = 0;
    this.count = 0;
    this.out = new Float32Array(160);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      // average the input samples that make up one output sample (a crude low-pass before decimation)
      this.sum += channel[i];
      this.count++;
      this.position += 1;
      if (this.position >= this.step) {
        this.position -= this.step;
        this.out[this.filled++] = this.sum / this.count;
        this.sum = 0;
        this.count = 0;
        if (this.filled === this.out.length) {
          this.port.postMessage(this.out.slice(0));
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor('microphone-to-8k', MicrophoneTo8k);
