package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins are throttled per account at a client address and per address (password spraying), with
 * a 429 problem saying how long to wait, a wait capped at a few minutes, and no effect on the same account
 * signing in from another address. Other client addresses are real: the requests leave from other loopback
 * addresses (127.0.0.2, ...), not from a header a client could forge.
 */
@PatchworkIntegrationTest
class SignInThrottleIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsThrottledButAnotherAddressMaySignIn() {
        User user = new AdminApi(port).user(new AdminApi(port).partner("Throttle Test Partner", "other"), "analyst");
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            ApiClient.Reply reply = ApiClient.browser(port).signIn(user.username(), "wrong-password-" + i);
            assertThat(reply.status()).as("%s", reply).isIn(401, 429);
            throttled += reply.status() == 429 ? 1 : 0;
        }

        ApiClient.Reply right = ApiClient.browser(port).signIn(user.username(), user.password());
        ApiClient.Reply basic = user.basic(port).get("/api/session");
        Raw elsewhere = Raw.get(port, "127.0.0.2", "/api/datasets", ApiClient.basicHeader(user.username(), user.password()));

        assertThat(throttled).as("guesses after the first few are refused before the password is checked").isGreaterThanOrEqualTo(20);
        assertThat(right.status()).as("%s", right).isEqualTo(429);
        assertThat(right.isProblem()).isTrue();
        assertThat(right.json().path("type").asString()).isEqualTo("/problems/too-many-sign-ins");
        assertThat(Integer.parseInt(right.header("Retry-After"))).as("a real user is not kept out for long").isBetween(1, 300);
        assertThat(basic.status()).as("Basic is throttled alike").isEqualTo(429);
        assertThat(elsewhere.status()).as("the same account from another address: %s", elsewhere.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where username = :u and action = 'login-failed' and outcome = 'denied'")
                .param("u", user.username()).query(Long.class).single()).as("throttled tries are audited").isGreaterThanOrEqualTo(20);
    }

    @Test
    void anAddressThatSpraysPasswordsOverManyAccountsIsThrottledForEveryAccountButOnlyThere() {
        User user = new AdminApi(port).user(new AdminApi(port).partner("Throttle Test Partner", "other"), "analyst");
        String sprayer = "127.0.0." + (10 + (int) (Math.random() * 200));
        for (int i = 0; i < 110; i++) {
            Raw.get(port, sprayer, "/api/datasets", ApiClient.basicHeader("nobody-" + UUID.randomUUID(), "Spring2026!"));
        }

        Raw fromSprayer = Raw.get(port, sprayer, "/api/datasets", ApiClient.basicHeader(user.username(), user.password()));
        ApiClient.Reply fromElsewhere = user.basic(port).get("/api/datasets");

        assertThat(fromSprayer.status()).as("from the spraying address").isEqualTo(429);
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }

    /** A GET sent from a chosen local address, over HTTP/1.0 so the answer is neither chunked nor kept alive. */
    record Raw(int status, String body) {

        static Raw get(int port, String fromAddress, String path, String authorization) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\nAccept: application/json\r\n"
                        + "Authorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
                int body = response.indexOf("\r\n\r\n");
                return new Raw(status, body < 0 ? "" : response.substring(body + 4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
