package dev.medius.progress.service;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a rebuild apart from everything else that writes the projections or the flags: live ingestion and
 * flag evaluation share the gate (they write different tables and may run side by side), a rebuild holds
 * it alone. The rebuild's own ingestion and flag pass enter it again from the rebuilding thread.
 */
@ApplicationScoped
public class IngestionGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public void enter() {
        lock.readLock().lock();
    }

    public void leave() {
        lock.readLock().unlock();
    }

    public void enterAlone() {
        lock.writeLock().lock();
    }

    public void leaveAlone() {
        lock.writeLock().unlock();
    }
}
