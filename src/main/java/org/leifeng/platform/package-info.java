/**
 * The shared kernel: the database (embedded PostgreSQL by default), demo data loading, problem details for
 * every API error, paging, and the clock. It depends on no business module; every module may depend on it.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.leifeng.platform;

import org.springframework.modulith.ApplicationModule;
