package edu.rush.gme.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * schema.org JSON-LD for search engines: the office as an organization, programs as
 * EducationalOccupationalProgram, stories as NewsArticle. Printed in a data block that browsers do
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

    public String program(Page<Program> program, SiteConfig site) {
        Map<String, Object> node = node("EducationalOccupationalProgram");
        node.put("name", program.title());
        node.put("description", program.data().summary());
        node.put("url", baseUrl + program.url());
        node.put("programType", program.data().type().label());
        node.put("occupationalCategory", program.data().specialty());
        node.put("educationalProgramMode", "full-time");
        if (program.data().lengthYears() != null) {
            node.put("timeToComplete", "P" + program.data().lengthYears() + "Y");
        }
        if (program.data().positionsPerYear() != null) {
            node.put("maximumEnrollment", program.data().positionsPerYear());
        }
        node.put("provider", organizationNode(site, false));
        return toJson(node);
    }

    public String newsArticle(Page<NewsStory> story, ContentSnapshot snapshot) {
        Map<String, Object> node = node("NewsArticle");
        node.put("headline", story.title());
        node.put("description", story.data().summary());
        node.put("url", baseUrl + story.url());
        node.put("mainEntityOfPage", baseUrl + story.url());
        node.put("datePublished", story.meta().date().toString());
        node.put("dateModified", snapshot.at(story.modified()).toLocalDate().toString());
        if (story.meta().image() != null) {
            node.put("image", baseUrl + story.imageUrl());
        }
        node.put("author", organizationNode(snapshot.site(), false));
        node.put("publisher", organizationNode(snapshot.site(), false));
        return toJson(node);
    }

    private Map<String, Object> organizationNode(SiteConfig site, boolean withContext) {
        Map<String, Object> node = withContext ? node("EducationalOrganization") : new LinkedHashMap<>(Map.of("@type", "EducationalOrganization"));
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
            node.put("parentOrganization", Map.of("@type", "CollegeOrUniversity", "name", site.organization()));
        }
        if (withContext && site.mission() != null) {
            node.put("description", site.mission());
        }
        return node;
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@context", "https://schema.org");
        node.put("@type", type);
        return node;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
