package vn.govhub.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** Computes a stub's response at request time, from the simulator's current state. */
@FunctionalInterface
public interface Responder {

    ResponseDefinition respond(Request request);
}
