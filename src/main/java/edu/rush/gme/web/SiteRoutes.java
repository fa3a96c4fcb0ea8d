package edu.rush.gme.web;

import edu.rush.gme.content.ContentStore;

/**
 * The site's URL map, written by the composition root (which knows the features) and registered
 * into the server this package builds (which knows none).
 */
@FunctionalInterface
public interface SiteRoutes {

    /** What the web layer gives the controllers it does not know: the content, rendering, cross-site checks. */
    record Parts(ContentStore store, Views views, CrossSiteForms crossSite, String baseUrl, boolean https) {
    }

    void register(RouteTable table, Parts parts);
}
