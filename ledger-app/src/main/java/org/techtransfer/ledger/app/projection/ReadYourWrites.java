package org.techtransfer.ledger.app.projection;

import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.web.ReadModelBehind;


/** The {@code position} parameter of read-model queries: wait until the read model has passed it. */
@Component
public class ReadYourWrites {

    private final ProjectionProgress progress;

    ReadYourWrites(ProjectionProgress progress) {
        this.progress = progress;
    }

    /**
     * Returns once {@code readModel} has handled the event at {@code position}; no-op when it is null.
     * Every read model is fed by one processor, so its tokens say where each of them is.
     */
    public void await(String readModel, Long position) {
        if (position == null) {
            return;
        }
        try {
            if (!progress.await(ProjectionConfiguration.PROCESSOR, position, ProjectionProgress.MAX_WAIT)) {
                throw new ReadModelBehind(readModel, position);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelBehind(readModel, position);
        }
    }
}
