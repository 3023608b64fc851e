package org.patchwork.access;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The session store the session filter uses: the database's, except for one read. At the end of every request
 * Spring Session saves the session and then reads it back from the store to decide whether to send the cookie
 * again (SessionRepositoryFilter asks whether the requested session is still valid); that read is answered with
 * the session the request has just saved, instead of a second query and deserialisation per request. Only
 * within the request that saved it: {@link #forget} runs when each request ends (SessionStoreConfig), and a
 * session deleted in the request (a sign-out) is never answered from here.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class RequestSessionStore implements SessionRepository<Session> {

    private static final ThreadLocal<Session> JUST_SAVED = new ThreadLocal<>();

    private final SessionRepository database;

    RequestSessionStore(SessionRepository<? extends Session> database) {
        this.database = database;
    }

    @Override
    public Session createSession() {
        return database.createSession();
    }

    @Override
    public void save(Session session) {
        database.save(session);
        JUST_SAVED.set(session);
    }

    @Override
    public Session findById(String id) {
        Session saved = JUST_SAVED.get();
        JUST_SAVED.remove();
        return saved != null && saved.getId().equals(id) ? saved : (Session) database.findById(id);
    }

    @Override
    public void deleteById(String id) {
        JUST_SAVED.remove();
        database.deleteById(id);
    }

    /** The request is over: nothing it saved answers a later read. */
    static void forget() {
        JUST_SAVED.remove();
    }
}
