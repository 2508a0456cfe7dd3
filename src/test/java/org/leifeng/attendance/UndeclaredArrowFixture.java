package org.leifeng.attendance;

import org.leifeng.organisation.Organisations;

/**
 * An arrow attendance does not declare (it has no use for the organisation tree): {@code ModularityTest} imports this
 * class beside the application to show that the verification refuses it. Not a bean, and never loaded otherwise.
 */
class UndeclaredArrowFixture {

    Organisations organisations;
}
