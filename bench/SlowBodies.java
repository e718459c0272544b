import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slow-body attack of bench/slow-bodies.sh: CONNECTIONS connections that each announce a body
 * of LENGTH bytes and send it a byte a second, with a personal token so that the request would
 * reach an endpoint. Kinds rotate: JSON annotation, JSON Lines import, multipart upload, form,
 * chunked JSON. A connection the server ends (408 at the body timeout, 503 when there is no room)
 * is opened again, so the pressure lasts; the answers are counted and printed when it is stopped.
 *
 *   java bench/SlowBodies.java host port token project connections length
 */
public class SlowBodies {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String token = args[2];
        String project = args[3];
        int connections = Integer.parseInt(args[4]);
        int length = Integer.parseInt(args[5]);
        Map<String, Integer> answers = new TreeMap<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (answers) {
                System.out.println("ATTACK answers=" + answers);
            }
        }));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int kind = i % 5;
            Thread t = new Thread(() -> {
                while (true) {
                    String status = trickle(host, port, head(kind, token, project, length));
                    synchronized (answers) {
                        answers.merge(status, 1, Integer::sum);
                    }
                    pause(); // a refused client comes back, as Retry-After asks, not in a tight loop
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String head(int kind, String token, String project, int length) {
        String auth = "Authorization: Token " + token + "\r\n";
        return switch (kind) {
            case 0 -> post("/api/annotations", auth, "application/json", length);
            case 1 -> post("/api/projects/" + project + "/articles/import", auth, "application/x-ndjson", length);
            case 2 -> post("/projects/" + project + "/import/files", auth, "multipart/form-data; boundary=b", length);
            case 3 -> post("/projects/" + project + "/import/text", auth, "application/x-www-form-urlencoded", length);
            default -> "POST /api/annotations HTTP/1.1\r\nHost: gloss\r\n" + auth
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        };
    }

    static String post(String path, String auth, String type, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: gloss\r\n" + auth + "Content-Type: " + type + "\r\nContent-Length: "
                + length + "\r\n\r\n";
    }

    /** Sends the head, then a byte (or a one-byte chunk) a second until the server answers; returns its status. */
    static String trickle(String host, int port, String head) {
        boolean chunked = head.contains("chunked");
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                if (in.available() > 0) {
                    byte[] line = new byte[12];
                    int n = in.readNBytes(line, 0, 12);
                    return n >= 12 ? new String(line, 9, 3, StandardCharsets.US_ASCII) : "closed";
                }
                out.write(chunked ? "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {' '});
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            return "closed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "stopped";
        }
    }
}
