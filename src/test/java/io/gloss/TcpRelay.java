package io.gloss;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of the app whose connections a browser test cuts, as a network does
 * (Chromium's offline switch leaves an open event stream alone).
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "relay");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean down;

    public TcpRelay(int target) throws IOException {
        this.target = target;
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Cuts every open connection; until up(), new ones are closed as soon as they come. */
    public void down() {
        down = true;
        open.forEach(TcpRelay::close);
        open.clear();
    }

    public void up() {
        down = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    close(client);
                    continue;
                }
                Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(app);
                pump(client, app);
                pump(app, client);
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    private void pump(Socket from, Socket to) {
        threads.execute(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // cut
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        down();
        threads.shutdownNow();
    }
}
