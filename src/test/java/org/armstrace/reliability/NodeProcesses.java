package org.armstrace.reliability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs ArmsTrace in processes of its own ({@link Node}): it runs beside
 * the other tests, in a second thread, one such class at a time and its tests one after
 * another. Its time is mostly those processes starting and the test waiting for them,
 * which would otherwise leave a core idle (src/test/resources/junit-platform.properties).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(NodeProcesses.LOCK)
public @interface NodeProcesses {

	/** Held by the class while it runs: no two such classes at once. */
	String LOCK = "armstrace-node-processes";

}
