package org.leifeng.activity;

/** Activity categories (DOMAIN.md): stable codes, names shown in the user's language. */
public enum Category {
    CIVILITY, ELDERLY, CHILDREN, ENVIRONMENT, TRAFFIC, COMMUNITY, CULTURE, HEALTH, EMERGENCY, EVENTS, EDUCATION, OTHER
}
