package dev.gradlab.base.ui.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import org.junit.jupiter.api.Test;

class DevRoutesTest {

    @Test
    void the_components_gallery_is_not_a_route_by_annotation_so_production_never_sees_it() {
        assertThat(ComponentsView.class.isAnnotationPresent(Route.class)).isFalse();
        assertThat(ComponentsView.class.isAnnotationPresent(RouteAlias.class)).isFalse();
    }

    @Test
    void developer_pages_are_registered_in_development_mode_only() {
        assertThat(DevRoutes.registers(false)).isTrue();
        assertThat(DevRoutes.registers(true)).isFalse();
    }
}
