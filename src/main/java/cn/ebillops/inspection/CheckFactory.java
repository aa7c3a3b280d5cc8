package cn.ebillops.inspection;

import cn.ebillops.config.ConfigNode;
import java.util.List;

/**
 * Builds the checks of one kind from its entry in bot-config/targets.yaml. One bean per kind
 * ("http-page", "ebill", "signing", "tablespace", "backup-dir", "disk", "log"…); the registry
 * picks the factory by the entry's {@code kind}.
 */
public interface CheckFactory {

    String kind();

    List<Check> create(ConfigNode target);
}
