// `next start` hands App Router handlers the request headers but not the socket,
// and keeps a client-sent X-Forwarded-For unchanged. So before Next sees a request,
// the socket's peer address is written into PEER_HEADER (any client copy dropped),
// and lib/http/client-address.ts reads the chain from there.
import http from 'node:http';
import { PEER_HEADER } from './client-address';

const INSTALLED = Symbol.for('shop.peer-header');

export function installPeerHeader(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      delete req.headers[PEER_HEADER];
      if (req.socket?.remoteAddress) req.headers[PEER_HEADER] = req.socket.remoteAddress;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
