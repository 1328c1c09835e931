package org.szmark.apidoc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds the example bodies kept as JSON files under {@code openapi/examples/} to the API document, so resources
 * carry descriptions and no pages of JSON: {@code <operationId>.request.json} is the example request body and
 * {@code <operationId>.<status>.json} the example answer with that status (a 4xx/5xx one is a problem
 * document). Run by SmallRye OpenAPI when the document is built ({@code mp.openapi.filter}).
 */
public class ApiExamples implements OASFilter {

    static final String FOLDER = "openapi/examples/";
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    /** The statuses an example file may name; an operation answers with few of them. */
    private static final String[] STATUSES = {"200", "201", "202", "400", "401", "403", "404", "409", "422", "429", "503"};

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Operation filterOperation(Operation operation) {
        String id = operation.getOperationId();
        if (id == null) return operation;
        Object request = read(id + ".request.json");
        if (request != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType m = operation.getRequestBody().getContent().getMediaType(JSON);
            if (m != null) m.setExample(request);
        }
        for (String status : STATUSES) {
            Object answer = read(id + "." + status + ".json");
            if (answer != null) attach(operation, status, answer);
        }
        return operation;
    }

    /** The example goes to the response's JSON content, which an error response gets as a problem document. */
    private static void attach(Operation operation, String status, Object example) {
        if (operation.getResponses() == null) operation.setResponses(OASFactory.createAPIResponses());
        APIResponse response = operation.getResponses().getAPIResponse(status);
        boolean problem = status.charAt(0) != '2';
        if (response == null) {
            response = OASFactory.createAPIResponse().description(problem ? "Problem (RFC 9457)" : "Success");
            operation.getResponses().addAPIResponse(status, response);
        }
        if (response.getContent() == null) response.setContent(OASFactory.createContent());
        Content content = response.getContent();
        String type = problem ? PROBLEM : JSON;
        MediaType m = content.getMediaType(type);
        if (m == null) {
            m = OASFactory.createMediaType();
            if (problem) m.setSchema(OASFactory.createSchema().ref("Problem"));
            content.addMediaType(type, m);
        }
        m.setExample(example);
    }

    private Object read(String name) {
        try (InputStream in = ApiExamples.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? null : json.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("example " + name + " is not JSON", e);
        }
    }
}
