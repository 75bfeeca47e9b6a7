package dev.medius.progress.service;

import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

/** Keeps live ingestion and a rebuild from writing the projections at the same time. */
@ApplicationScoped
public class IngestionGate {

    private final ReentrantLock lock = new ReentrantLock(true);

    public void enter() {
        lock.lock();
    }

    public void leave() {
        lock.unlock();
    }
}
