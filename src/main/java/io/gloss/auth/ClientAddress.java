package io.gloss.auth;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client a login attempt comes from. Behind a proxy this is the proxy, unless the operator
 * lets Quarkus read the forwarded headers ({@code quarkus.http.proxy.proxy-address-forwarding}).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }
}
