import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

/**
 * Accepts a WebSocket handshake (RFC 6455) and then says nothing, until the client goes away.
 * The Studio's presence socket degrades to "nobody else is here", which is true of a local lake;
 * refusing it would make the Studio reconnect with backoff for the whole session.
 */
export function parkWebSocket(request: IncomingMessage, socket: Duplex): void {
  const key = request.headers['sec-websocket-key']
  if (typeof key !== 'string' || request.headers.upgrade?.toLowerCase() !== 'websocket') {
    socket.destroy()
    return
  }
  const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64')
  socket.write(
    ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join(
      '\r\n',
    ),
  )
  socket.on('data', () => undefined)
  socket.on('error', () => socket.destroy())
}
