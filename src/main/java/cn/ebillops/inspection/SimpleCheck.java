package cn.ebillops.inspection;

import java.time.Duration;
import java.util.List;

/**
 * Base for checks: holds the identity fields and offers result builders so each kind only
 * writes its probe. Subclasses implement {@link #run()}.
 */
public abstract class SimpleCheck implements Check {

    private final String id;
    private final String name;
    private final List<Integer> contractItems;
    private final TargetBasics target;

    protected SimpleCheck(String id, String name, List<Integer> contractItems, TargetBasics target) {
        this.id = id;
        this.name = name;
        this.contractItems = List.copyOf(contractItems);
        this.target = target;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Integer> contractItems() {
        return contractItems;
    }

    @Override
    public InspectionScope scope() {
        return target.scope();
    }

    @Override
    public String target() {
        return target.name();
    }

    @Override
    public Duration timeout() {
        return target.timeout();
    }

    protected ResultBuilder result(CheckStatus status) {
        return new ResultBuilder(this, status);
    }
}
