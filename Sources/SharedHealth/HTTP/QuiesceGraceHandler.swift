import NIOCore
import NIOHTTPTypes

/// Closes connections at shutdown without dropping a request that is already on its way.
///
/// On SIGTERM the server closes its listener and tells every connection to quiesce;
/// Hummingbird then closes at once any connection with no request in progress. But a gateway
/// that has just opened a connection (nginx opens one per request) or reuses a keep-alive one
/// may already have written a request the server has not read yet: closing then resets the
/// connection, and the gateway cannot retry a POST it has sent, so the client gets a 502.
///
/// This handler sits in front of Hummingbird's connection-state handler and holds the quiesce
/// event for `grace`. A request head arriving meanwhile is passed on first, then the event, so
/// the request is served and the connection closed after its response. When the grace ends the
/// event goes on as it came: an idle connection closes, one still inside a request closes after
/// its response.
public final class QuiesceGraceHandler: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart

    let grace: TimeAmount
    private var heldQuiesce: Scheduled<Void>?

    public init(grace: TimeAmount = .milliseconds(500)) {
        self.grace = grace
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        // Only while an event is held is the part looked at: the hot path stays a pass-through.
        guard heldQuiesce != nil, case .head = unwrapInboundIn(data) else { return }
        cancelHeldQuiesce()
        context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent, heldQuiesce == nil else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        heldQuiesce = context.eventLoop.assumeIsolated().scheduleTask(in: grace) { [self] in
            heldQuiesce = nil
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        cancelHeldQuiesce()
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        cancelHeldQuiesce()
    }

    private func cancelHeldQuiesce() {
        heldQuiesce?.cancel()
        heldQuiesce = nil
    }
}
