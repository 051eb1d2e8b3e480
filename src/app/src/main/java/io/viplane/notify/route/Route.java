package io.viplane.notify.route;

import java.util.List;

/** One rule of the routes file: notices it matches go to its channels, delivered as it says. */
public record Route(String name, Match match, List<String> channels, Delivery delivery) {
    public Route {
        channels = List.copyOf(channels);
    }
}
