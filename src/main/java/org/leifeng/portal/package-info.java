/**
 * The pages people use: layout, navigation by role, language switch (简体中文 by default, English), the home page
 * and the administration pages. Pages call the modules' public APIs and never their tables.
 */
@ApplicationModule(displayName = "Portal", allowedDependencies = { "platform", "identity", "organisation", "volunteer",
        "activity", "attendance", "hours", "reporting" })
package org.leifeng.portal;

import org.springframework.modulith.ApplicationModule;
