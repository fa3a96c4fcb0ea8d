package edu.rush.gme.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.content.SiteConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * schema.org JSON-LD for search engines: the office as an organization, and the pieces features
 * build their own nodes from (programs as EducationalOccupationalProgram, stories as NewsArticle,
 * events as Event, each in its own package). Printed in a data block that browsers do
 * not run; '<' is escaped so that no text can close the block.
 */
public final class StructuredData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    public StructuredData(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String organization(SiteConfig site) {
        return toJson(organizationNode(site, true));
    }

    /** An absolute address of a page of this site. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** The office as an organization; with {@code @context} when it stands alone, without when it is inside another node. */
    public Map<String, Object> organizationNode(SiteConfig site, boolean withContext) {
        Map<String, Object> node = withContext ? node("EducationalOrganization") : inner("EducationalOrganization");
        node.put("name", site.name() + (site.organization() == null ? "" : " at " + site.organization()));
        node.put("url", baseUrl + "/");
        if (site.contact() != null) {
            if (site.contact().email() != null) {
                node.put("email", site.contact().email());
            }
            if (site.contact().phone() != null) {
                node.put("telephone", site.contact().phone());
            }
        }
        if (site.organization() != null) {
            Map<String, Object> parent = inner("CollegeOrUniversity");
            parent.put("name", site.organization());
            node.put("parentOrganization", parent);
        }
        if (withContext && site.mission() != null) {
            node.put("description", site.mission());
        }
        return node;
    }

    /** A node of this schema.org type, with its {@code @context}; a feature adds its own fields. */
    public static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@context", "https://schema.org");
        node.put("@type", type);
        return node;
    }

    /**
     * A node of this schema.org type inside another (no {@code @context}); its fields are written in
     * the order they are put, the same on every server and run (unlike a {@code Map.of}).
     */
    public static Map<String, Object> inner(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }

    /** The node as a JSON-LD data block's text. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
