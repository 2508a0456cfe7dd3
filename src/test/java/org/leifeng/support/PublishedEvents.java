package org.leifeng.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records every application event of the running application, whichever thread published it, so tests can see
 * what a module announced (the request threads of the server are not the test's thread).
 */
@TestComponent
public class PublishedEvents {

    private final Queue<Object> events = new ConcurrentLinkedQueue<>();

    @EventListener
    void record(Object event) {
        if (event.getClass().getPackageName().startsWith("org.leifeng")) {
            events.add(event);
        }
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
