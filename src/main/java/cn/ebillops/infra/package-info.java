/**
 * Shared state outside one request: the key-value store (Redis first, the database when Redis is down)
 * and embeddings. Depends on no other module.
 */
@ApplicationModule(displayName = "基础设施 infra", allowedDependencies = {})
package cn.ebillops.infra;

import org.springframework.modulith.ApplicationModule;
