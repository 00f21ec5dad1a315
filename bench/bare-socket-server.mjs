// The raw baseline for the call benchmark: a bare HTTP server with socket.io that, on POST,
// emits one event to a room — no database, no Nest, no auth.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

let seq = 0;
const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    io.to('room').emit('call', { seq: ++seq, ticket: 'A001', counter: 'Schalter 1', calledAt: new Date().toISOString(), recall: false });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http);
io.on('connection', (socket) => {
  socket.join('room');
  socket.emit('snapshot', { seq, calls: [] });
});
http.listen(0, '127.0.0.1', () => process.send?.({ port: http.address().port }));
