package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/** The read right after a save is answered by the saved session, and only within the request that saved it. */
class RequestSessionStoreTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final MapSessionRepository database = new MapSessionRepository(new HashMap<>()) {
        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }
    };
    private final RequestSessionStore store = new RequestSessionStore(database);

    @AfterEach
    void requestEnds() {
        RequestSessionStore.forget();
    }

    @Test
    void theReadAfterASaveIsTheSavedSessionWithoutAQuery() {
        var session = store.createSession();
        store.save(session);

        assertThat(store.findById(session.getId())).isSameAs(session);
        assertThat(reads).hasValue(0);
        assertThat(store.findById(session.getId())).as("answered once only").isNotNull().isNotSameAs(session);
        assertThat(reads).hasValue(1);
    }

    @Test
    void anotherSessionsIdIsReadFromTheDatabase() {
        var mine = store.createSession();
        var other = store.createSession();
        database.save((MapSession) other);
        store.save(mine);

        assertThat(store.findById(other.getId())).isNotNull().isNotSameAs(other);
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothingSavedInAnEarlierRequestAnswersALaterOne() {
        var session = store.createSession();
        store.save(session);
        RequestSessionStore.forget();   // the request ended

        assertThat(store.findById(session.getId())).isNotSameAs(session);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aDeletedSessionIsNeverAnsweredFromWhatWasSaved() {
        var session = store.createSession();
        store.save(session);
        store.deleteById(session.getId());

        assertThat(store.findById(session.getId())).isNull();
        assertThat(reads).hasValue(1);
    }
}
