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
/// event of an idle connection for `grace`: if a request arrives meanwhile, it is passed on
/// first, so the request is served and the connection closed after its response; otherwise
/// the connection closes when the grace ends. Connections in the middle of a request get the
/// event at once (they close after their response, as before).
public final class QuiesceGraceHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    let grace: TimeAmount
    private var requestsInProgress = 0
    private var heldQuiesce: Scheduled<Void>?

    public init(grace: TimeAmount = .milliseconds(500)) {
        self.grace = grace
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let isHead: Bool
        if case .head = unwrapInboundIn(data) { isHead = true } else { isHead = false }
        if isHead { requestsInProgress += 1 }
        context.fireChannelRead(data)
        if isHead, let held = heldQuiesce {
            held.cancel()
            heldQuiesce = nil
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Clamped: a response to a request that failed to parse has no head counted.
        if case .end = unwrapOutboundIn(data) { requestsInProgress = max(0, requestsInProgress - 1) }
        context.write(data, promise: promise)
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent, requestsInProgress == 0, heldQuiesce == nil else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        heldQuiesce = context.eventLoop.assumeIsolated().scheduleTask(in: grace) { [self] in
            heldQuiesce = nil
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        heldQuiesce?.cancel()
        heldQuiesce = nil
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        heldQuiesce?.cancel()
        heldQuiesce = nil
    }
}
