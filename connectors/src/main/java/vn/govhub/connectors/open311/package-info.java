/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/): the international standard for citizen service
 * requests (here: feedback, phản ánh – kiến nghị, reference vn-egov.md §4), which the hub serves at
 * {@code /open311/v2}.
 *
 * <p>This package is the protocol only: the records of the specification ({@link vn.govhub.connectors.open311.Service},
 * {@link vn.govhub.connectors.open311.ServiceDefinition}, {@link vn.govhub.connectors.open311.ServiceRequest},
 * {@link vn.govhub.connectors.open311.RequestCreated}, {@link vn.govhub.connectors.open311.TokenAnswer},
 * {@link vn.govhub.connectors.open311.Open311Error}), their rendering in both formats
 * ({@link vn.govhub.connectors.open311.GeoReportWriter}) and the reading of what clients send
 * ({@link vn.govhub.connectors.open311.GeoReportRequests}). Who may post, where requests are stored and which agency
 * gets them is the feedback flow's business.
 */
package vn.govhub.connectors.open311;
