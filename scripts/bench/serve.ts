// The portal exactly as `npm start` runs it (server/start.ts: same code, same environment), under
// a command line of its own: on a machine shared with other checkouts, a `pkill -f "tsx
// server/start.ts"` meant for another portal also stopped the benchmark's, mid-run.
import "../../server/start";
