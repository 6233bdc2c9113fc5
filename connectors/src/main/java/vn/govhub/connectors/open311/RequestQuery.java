package vn.govhub.connectors.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The filters of {@code GET requests.{fmt}}, read by {@link GeoReportRequests#parseQuery}. The specification makes
 * {@code service_request_id} override every other filter, hence two shapes.
 */
public sealed interface RequestQuery permits RequestQuery.ById, RequestQuery.Search {

    /** The widest window one query may cover, and the default window (the last 90 days). */
    Duration MAX_WINDOW = Duration.ofDays(90);

    /** Whether {@code request} is one this query asks for. */
    boolean matches(ServiceRequest request);

    /** Requests by id ({@code service_request_id=1,2,3}); nothing else filters. */
    record ById(List<String> serviceRequestIds) implements RequestQuery {
        public ById {
            serviceRequestIds = List.copyOf(serviceRequestIds);
            if (serviceRequestIds.isEmpty()) {
                throw new IllegalArgumentException("at least one service_request_id");
            }
        }

        @Override
        public boolean matches(ServiceRequest request) {
            return serviceRequestIds.contains(request.serviceRequestId());
        }
    }

    /**
     * Requests whose {@code requested_datetime} lies in {@code [start, end]}, of the given services and statuses.
     *
     * @param serviceCodes empty: every service
     * @param statuses     empty: both statuses
     */
    record Search(List<String> serviceCodes, Instant start, Instant end, Set<ServiceRequest.Status> statuses)
            implements RequestQuery {
        public Search {
            serviceCodes = List.copyOf(serviceCodes);
            statuses = Set.copyOf(statuses);
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("end before start");
            }
            if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("window longer than " + MAX_WINDOW.toDays() + " days");
            }
        }

        @Override
        public boolean matches(ServiceRequest request) {
            return (serviceCodes.isEmpty() || serviceCodes.contains(request.serviceCode()))
                    && (statuses.isEmpty() || statuses.contains(request.status()))
                    && !request.requestedAt().isBefore(start) && !request.requestedAt().isAfter(end);
        }
    }
}
