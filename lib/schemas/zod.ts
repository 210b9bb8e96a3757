import { z } from "zod";

// Zod probes `new Function("")` to decide whether it may compile validators; under our
// Content-Security-Policy (no eval) that probe is refused and reported as a violation on every
// page that validates a form. Validation never needs eval: turn the probe and the compiler off.
z.config({ jitless: true });

export { z };
